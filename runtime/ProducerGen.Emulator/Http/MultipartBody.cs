using System.Security.Cryptography;
using System.Text.Json;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Http;

/// <summary>
/// Reads a <c>multipart/form-data</c> submission into the JSON view the validator checks and the idempotency hash
/// covers: each text part becomes the value its schema member's type reads it as (a number, a boolean, parsed JSON
/// for arrays, objects and a params block, otherwise the text), each file part <c>{ fileName, contentType, length, sha256 }</c>.
/// A part the schema does not know, or text that does not read as its type, stays text, so the validator names it.
/// </summary>
internal static class MultipartBody
{
    /// <summary>The member of a file's JSON view holding its file name.</summary>
    public const string FileNameMember = "fileName";

    /// <summary>The JSON view of the form, or errors by part name (a part sent twice).</summary>
    public static async Task<(JsonDocument? Document, Dictionary<string, IReadOnlyList<string>>? Errors)> ReadAsync(HttpContext ctx, EndpointSpec endpoint, IReadOnlyList<ModelSpec> models, ModelSpec? routeModel)
    {
        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in form.Keys.Concat(form.Files.Select(f => f.Name)).GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1 || form[g.Key].Count > 1).Select(g => g.Key))
        {
            errors[name] = ["is sent twice; send each part once"];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var model = routeModel;
        if (endpoint.ModelMember is { } member && form.TryGetValue(member, out var id))
        {
            model = models.FirstOrDefault(m => m.Id == id.ToString()) ?? model;
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, values) in form)
            {
                writer.WritePropertyName(name);
                WriteText(writer, values.ToString(), TypeOf(name, endpoint, models, model));
            }

            foreach (var file in form.Files)
            {
                writer.WritePropertyName(file.Name);
                await using var stream = file.OpenReadStream();
                var hash = await SHA256.HashDataAsync(stream, ctx.RequestAborted).ConfigureAwait(false);
                writer.WriteStartObject();
                writer.WriteString(FileNameMember, file.FileName);
                writer.WriteString("contentType", file.ContentType);
                writer.WriteNumber("length", file.Length);
                writer.WriteString("sha256", Convert.ToHexStringLower(hash));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return (JsonDocument.Parse(buffer.ToArray()), null);
    }

    /// <summary>What a part's text reads as: its member's kind, <see cref="MemberType.Object"/> for a params block, null when unknown.</summary>
    private static MemberType? TypeOf(string name, EndpointSpec endpoint, IReadOnlyList<ModelSpec> models, ModelSpec? model)
    {
        if (endpoint.Fields.FirstOrDefault(f => f.Name == name) is { } field)
        {
            return field.Type.Kind;
        }

        foreach (var candidate in model is null ? models : [model])
        {
            if (endpoint.Layout == BodyLayout.Nested && candidate.ParamsKey == name)
            {
                return MemberType.Object;
            }

            if (endpoint.Layout == BodyLayout.Flat && candidate.Params.FirstOrDefault(p => p.Name == name) is { } param)
            {
                return param.Type.Kind;
            }
        }

        return null;
    }

    internal static void WriteText(Utf8JsonWriter writer, string text, MemberType? kind)
    {
        switch (kind)
        {
            case MemberType.Integer or MemberType.Number or MemberType.Boolean or MemberType.Array or MemberType.Object when TryParse(text) is { } parsed:
                using (parsed)
                {
                    var element = parsed.RootElement;
                    var fits = kind switch
                    {
                        MemberType.Integer or MemberType.Number => element.ValueKind == JsonValueKind.Number,
                        MemberType.Boolean => element.ValueKind is JsonValueKind.True or JsonValueKind.False,
                        _ => true, // an array or object part holds JSON; the validator checks its shape
                    };
                    if (fits)
                    {
                        element.WriteTo(writer);
                        return;
                    }
                }

                break;
        }

        writer.WriteStringValue(text);
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
