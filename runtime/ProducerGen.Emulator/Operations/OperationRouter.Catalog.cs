namespace ProducerGen.Emulator.Operations;

/// <summary>The <c>catalog</c> role.</summary>
internal sealed partial class OperationRouter
{
    /// <summary>The <c>catalog</c> role: one entry per schema model, its group (modality) by its endpoint, filtered by the filter field.</summary>
    private Task CatalogAsync(HttpContext ctx, OperationRequest request)
    {
        var op = request.Operation;
        var filter = op.Emulate.Filter;
        var wanted = filter is null ? null : request.String(filter);
        var items = new List<Facts>();
        foreach (var model in Schema.Models)
        {
            var group = op.Emulate.Groups.FirstOrDefault(g => g.Key == model.Endpoint)?.Value;
            if (wanted is not null && group != wanted)
            {
                continue;
            }

            var facts = new Facts { ["id"] = model.Id, ["label"] = model.Summary ?? model.Id };
            if (model.Description is { } description)
            {
                facts["description"] = description;
            }

            if (filter is not null && group is not null)
            {
                facts[filter] = group;
            }

            items.Add(facts);
        }

        return AnswerAsync(ctx, op, SuccessStatus(op), items);
    }
}
