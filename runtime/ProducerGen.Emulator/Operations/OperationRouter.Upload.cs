using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Operations;

/// <summary>
/// The <c>upload</c> role: keeps the file part (already checked against its limits by its sniffed type) in memory and
/// serves it back at <c>/uploads/{id}/{fileName}</c>, with the sniffed type, until it expires.
/// </summary>
internal sealed partial class OperationRouter
{
    private Task UploadAsync(HttpContext ctx, OperationRequest request)
    {
        var op = request.Operation;
        var field = op.Fields.FirstOrDefault(f => f.Type.Kind == MemberType.File)?.Name;
        var file = request.Files.FirstOrDefault(f => f.Field == field) ?? request.Files.FirstOrDefault();
        if (file is null)
        {
            return _server.ValidationErrorAsync(ctx, new Dictionary<string, IReadOnlyList<string>> { [field ?? "file"] = ["is required"] });
        }

        var contentType = MediaSniffer.Sniff(file.Bytes) ?? "application/octet-stream";
        var upload = _uploads.Add(file.FileName, contentType, file.Bytes, request.Now + _options.UploadLifetime);
        var url = new Uri(_server.PublicBase(ctx), $"{UploadStore.Prefix.TrimStart('/')}{upload.Id:D}/{upload.FileName}");
        var facts = new Facts
        {
            ["id"] = upload.Id,
            ["url"] = url,
            ["kind"] = MediaSniffer.Kind(contentType),
            ["contentType"] = contentType,
            ["byteSize"] = (long)file.Bytes.Length,
            ["expiresAt"] = upload.ExpiresAt,
        };
        return AnswerAsync(ctx, op, SuccessStatus(op), facts);
    }

    private async Task ServeUploadAsync(HttpContext ctx)
    {
        var name = ctx.Request.RouteValues["fileName"] as string ?? string.Empty;
        if (!Guid.TryParseExact(ctx.Request.RouteValues["id"] as string, "D", out var id) || _uploads.Find(id, name, _time.GetUtcNow()) is not { } upload)
        {
            await _server.ErrorAsync(ctx, StatusCodes.Status404NotFound, "File not found").ConfigureAwait(false);
            return;
        }

        ctx.Response.ContentType = upload.ContentType;
        ctx.Response.ContentLength = upload.Bytes.Length;
        await ctx.Response.Body.WriteAsync(upload.Bytes, ctx.RequestAborted).ConfigureAwait(false);
    }
}
