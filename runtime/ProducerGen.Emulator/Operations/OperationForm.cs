using System.Text.Json;
using ProducerGen.Emulator.Http;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Operations;

/// <summary>
/// Reads a multipart operation body into the JSON view the validator checks: text parts typed by their field (a
/// <c>style: csv</c> array split at commas), each file part <c>{ fileName, contentType, length }</c>, the parts of an
/// array of files as an array of those. The files' bytes are kept for the limits check and for storing.
/// </summary>
internal static class OperationForm
{
    public static async Task<(JsonDocument? View, List<UploadedFile> Files, Dictionary<string, IReadOnlyList<string>>? Errors)> ReadAsync(HttpContext ctx, IReadOnlyList<MemberSpec> fields)
    {
        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
        var files = new List<UploadedFile>();
        foreach (var part in form.Files)
        {
            using var buffer = new MemoryStream();
            await using (var stream = part.OpenReadStream())
            {
                await stream.CopyToAsync(buffer, ctx.RequestAborted).ConfigureAwait(false);
            }

            files.Add(new UploadedFile(part.Name, part.FileName, part.ContentType ?? string.Empty, buffer.ToArray()));
        }

        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in form.Keys.Concat(files.Select(f => f.Field)).GroupBy(n => n, StringComparer.Ordinal))
        {
            var isFileArray = fields.FirstOrDefault(f => f.Name == group.Key) is { Type: { Kind: MemberType.Array, Items.Kind: MemberType.File } };
            if (!isFileArray && (group.Count() > 1 || form[group.Key].Count > 1))
            {
                errors[group.Key] = ["is sent twice; send each part once"];
            }
        }

        if (errors.Count > 0)
        {
            return (null, files, errors);
        }

        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            foreach (var (name, values) in form)
            {
                writer.WritePropertyName(name);
                var type = fields.FirstOrDefault(f => f.Name == name)?.Type;
                if (type is { Kind: MemberType.Array, Csv: true })
                {
                    writer.WriteStartArray();
                    foreach (var item in values.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        MultipartBody.WriteText(writer, item, type.Items?.Kind);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    MultipartBody.WriteText(writer, values.ToString(), type?.Kind);
                }
            }

            foreach (var group in files.GroupBy(f => f.Field, StringComparer.Ordinal))
            {
                writer.WritePropertyName(group.Key);
                var isArray = fields.FirstOrDefault(f => f.Name == group.Key)?.Type.Kind == MemberType.Array;
                if (isArray)
                {
                    writer.WriteStartArray();
                }

                foreach (var file in group)
                {
                    writer.WriteStartObject();
                    writer.WriteString(MultipartBody.FileNameMember, file.FileName);
                    writer.WriteString("contentType", file.DeclaredType);
                    writer.WriteNumber("length", file.Bytes.Length);
                    writer.WriteEndObject();
                }

                if (isArray)
                {
                    writer.WriteEndArray();
                }
            }

            writer.WriteEndObject();
        }

        return (JsonDocument.Parse(output.ToArray()), files, null);
    }
}
