using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Http;

/// <summary>
/// Members the schema sends in the submit URL's query string (<c>in: query</c>): read from the query and merged into the
/// body's JSON view, typed by their schema type, so validation, idempotency and webhooks see one request.
/// </summary>
internal static partial class QueryMembers
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex JsonNumberPattern();

    private static readonly System.Text.RegularExpressions.Regex JsonNumber = JsonNumberPattern();

    /// <summary>The body with the endpoint's query members added from <paramref name="query"/>, or the body itself when it has none.</summary>
    public static JsonDocument MergeInto(JsonDocument body, IQueryCollection query, EndpointSpec endpoint, IEnumerable<ModelSpec> models)
    {
        var members = endpoint.Fields.Concat(endpoint.Layout == BodyLayout.Flat ? models.SelectMany(m => m.Params) : [])
            .Where(m => m.InQuery && query.ContainsKey(m.Name))
            .GroupBy(m => m.Name, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        if (members.Count == 0 || body.RootElement.ValueKind != JsonValueKind.Object)
        {
            return body;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in body.RootElement.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            foreach (var member in members)
            {
                writer.WritePropertyName(member.Name);
                WriteTyped(writer, member.Type, query[member.Name].ToString());
            }

            writer.WriteEndObject();
        }

        body.Dispose();
        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    // A value that does not parse as its type stays text, so validation reports it at its name like any wrong type.
    internal static void WriteTyped(Utf8JsonWriter writer, TypeSpec type, string text)
    {
        switch (type.Kind)
        {
            case MemberType.Integer or MemberType.Number when JsonNumber.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                writer.WriteRawValue(text);
                break;
            case MemberType.Boolean when text is "true" or "false":
                writer.WriteBooleanValue(text == "true");
                break;
            default:
                writer.WriteStringValue(text);
                break;
        }
    }
}
