using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Operations;

/// <summary>The default behaviour.</summary>
internal sealed partial class OperationRouter
{
    /// <summary>An operation with no role, resource or job: an answer built from its response type.</summary>
    private Task DefaultAsync(HttpContext ctx, OperationRequest request) =>
        AnswerAsync(ctx, request.Operation, SuccessStatus(request.Operation), request.Operation.Response.Kind == ResponseKind.Json ? new Facts() : null);
}
