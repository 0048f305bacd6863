using ProducerGen.Emulator.Jobs;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Operations;

/// <summary>
/// Follow-up actions (an operation with <c>job:</c> and variants): the parent job must be the caller's, of the
/// operation's model and completed (and not a stems split); the child job is created exactly like a generate
/// submission of that model, its output following from the action.
/// </summary>
internal sealed partial class OperationRouter
{
    private async Task ActionAsync(HttpContext ctx, OperationRequest request)
    {
        var op = request.Operation;
        var model = Schema.Models.FirstOrDefault(m => m.Id == op.JobModel);
        var endpoint = model is null ? null : Schema.FindEndpoint(model.Endpoint);
        if (model is null || endpoint is null)
        {
            await _server.ErrorAsync(ctx, StatusCodes.Status500InternalServerError, $"The schema has no model '{op.JobModel}'").ConfigureAwait(false);
            return;
        }

        var key = request.ApiKey ?? string.Empty;
        var parentField = op.Fields.FirstOrDefault(f => f.Required && f.Type.Format == MemberFormat.Uuid);
        var parent = parentField is not null && Guid.TryParse(request.String(parentField.Name), out var parentId) ? _server.FindJob(parentId) : null;
        if (parent is null || parent.ApiKey != key || parent.Model.Id != model.Id)
        {
            await NotFoundAsync(ctx, "Parent job").ConfigureAwait(false);
            return;
        }

        var status = parent.Snapshot(request.Now).Status;
        if (status != JobStatus.Completed)
        {
            await _server.ErrorAsync(ctx, StatusCodes.Status409Conflict, $"The action is not available: the parent job is {_server.StatusText(parent, request.Now)}, not finished").ConfigureAwait(false);
            return;
        }

        if (parent.IsStems)
        {
            await _server.ErrorAsync(ctx, StatusCodes.Status409Conflict, "The action is not available: a stems result accepts no further actions").ConfigureAwait(false);
            return;
        }

        await _server.SubmitValidatedAsync(ctx, key, endpoint, model, request.Body, Shape(request.Variant?.Value, parent)).ConfigureAwait(false);
    }

    /// <summary>The child's output: one image for an upsample, a grid of four for the other image actions, the parent's track count for music, two stems.</summary>
    private static JobOutputShape Shape(string? action, EmulatedJob parent) => action switch
    {
        "upsample" or "upscale" => new JobOutputShape(1, ParentId: parent.Id),
        "variation" or "inpaint" or "outpaint" or "pan" or "zoom" => new JobOutputShape(4, ParentId: parent.Id),
        "stems" => new JobOutputShape(2, IsStems: true, ParentId: parent.Id),
        _ => new JobOutputShape(parent.TrackCount, ParentId: parent.Id),
    };
}
