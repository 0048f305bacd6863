using System.Text.Json;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Operations;

/// <summary>The <c>store</c> and <c>fetch</c> roles: a body saved under a new id, answered back by that id.</summary>
internal sealed partial class OperationRouter
{
    private const string ReadyStatus = "ready";

    private Task StoreAsync(HttpContext ctx, OperationRequest request)
    {
        var op = request.Operation;
        var id = _assets.Add(request.ApiKey ?? string.Empty, request.Body);
        var members = ResponseType(op)?.Properties ?? EquatableArray<MemberSpec>.Empty;
        var idMember = members.FirstOrDefault(m => m.Name == "assetId")
            ?? members.FirstOrDefault(m => m.Required && m.Type.Kind == MemberType.String);
        return AnswerAsync(ctx, op, SuccessStatus(op), new Facts { [idMember?.Name ?? "id"] = id });
    }

    private Task FetchAsync(HttpContext ctx, OperationRequest request)
    {
        var op = request.Operation;
        var id = op.PathParams.Count > 0 && request.PathValues.TryGetValue(op.PathParams[0].Name, out var value) ? value : request.PathValues.Values.FirstOrDefault() ?? string.Empty;
        if (_assets.Find(request.ApiKey ?? string.Empty, id) is not { } stored)
        {
            return NotFoundAsync(ctx, "Asset");
        }

        var facts = new Facts { ["id"] = id };
        if (stored.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in stored.EnumerateObject())
            {
                facts[property.Name] = property.Value;
            }
        }

        facts["status"] = ReadyStatus;
        return AnswerAsync(ctx, op, SuccessStatus(op), facts);
    }
}
