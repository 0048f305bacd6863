using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ProducerGen.Generator.Tests.Naming;

/// <summary>A member of a schema under construction: a field, param, result member, object property or array item.</summary>
internal sealed record MemberText(
    string Name,
    string Type,
    bool Required = false,
    IReadOnlyList<string>? Enum = null,
    MemberText? Items = null,
    IReadOnlyList<MemberText>? Properties = null,
    string? Description = null);

/// <summary>A model of a schema under construction.</summary>
internal sealed record ModelText(string Id, string Endpoint, IReadOnlyList<MemberText> Params, string? Summary = null);

/// <summary>An endpoint of a schema under construction.</summary>
internal sealed record EndpointText(string Name, IReadOnlyList<MemberText> Fields, IReadOnlyList<MemberText> Result, string? Description = null);

/// <summary>
/// Writes valid YAML schema files whatever the names: every name and text is a double-quoted YAML scalar, with
/// anything outside printable ASCII written as a \u or \U escape (so control characters and line separators survive).
/// </summary>
internal static class SchemaYaml
{
    public static string Write(string apiName, string? ns, IReadOnlyList<EndpointText> endpoints, IReadOnlyList<ModelText> models)
    {
        var b = new StringBuilder();
        b.Append("producergen: 1\napi:\n");
        b.Append("  name: ").Append(Quote(apiName)).Append('\n');
        if (ns is not null)
        {
            b.Append("  namespace: ").Append(Quote(ns)).Append('\n');
        }

        b.Append("  baseUrl: https://api.example.test\n  auth: { header: X-API-Key }\n  jobs:\n    get: GET /v2/jobs/{id}\n");
        b.Append("endpoints:\n");
        foreach (var endpoint in endpoints)
        {
            b.Append("  ").Append(Quote(endpoint.Name)).Append(":\n");
            b.Append("    request: POST /v2/generate\n");
            if (endpoint.Description is not null)
            {
                b.Append("    description: ").Append(Quote(endpoint.Description)).Append('\n');
            }

            WriteMembers(b, "fields", endpoint.Fields);
            WriteMembers(b, "result", endpoint.Result);
        }

        b.Append("models:\n");
        foreach (var model in models)
        {
            b.Append("  ").Append(Quote(model.Id)).Append(":\n");
            b.Append("    endpoint: ").Append(Quote(model.Endpoint)).Append('\n');
            b.Append("    paramsKey: modelParams\n");
            if (model.Summary is not null)
            {
                b.Append("    summary: ").Append(Quote(model.Summary)).Append('\n');
            }

            WriteMembers(b, "params", model.Params);
        }

        return b.ToString();
    }

    private static void WriteMembers(StringBuilder b, string key, IReadOnlyList<MemberText> members)
    {
        if (members.Count == 0)
        {
            return;
        }

        b.Append("    ").Append(key).Append(":\n");
        foreach (var member in members)
        {
            b.Append("      ").Append(Quote(member.Name)).Append(": ").Append(Flow(member)).Append('\n');
        }
    }

    public static string Flow(MemberText member)
    {
        var parts = new List<string> { "type: " + member.Type };
        if (member.Required)
        {
            parts.Add("required: true");
        }

        if (member.Enum is { } values)
        {
            parts.Add("enum: [" + string.Join(", ", values.Select(v => member.Type == "integer" ? v : Quote(v))) + "]");
        }

        if (member.Items is { } items)
        {
            parts.Add("items: " + Flow(items));
        }

        if (member.Properties is { } properties)
        {
            parts.Add("properties: { " + string.Join(", ", properties.Select(p => Quote(p.Name) + ": " + Flow(p))) + " }");
        }

        if (member.Description is { } description)
        {
            parts.Add("description: " + Quote(description));
        }

        return "{ " + string.Join(", ", parts) + " }";
    }

    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="text"/>.</summary>
    public static string Quote(string text)
    {
        var b = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' || c == '\\')
            {
                b.Append('\\').Append(c);
            }
            else if (c >= 0x20 && c < 0x7f)
            {
                b.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                b.Append("\\U").Append(char.ConvertToUtf32(c, text[++i]).ToString("X8", CultureInfo.InvariantCulture));
            }
            else
            {
                b.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return b.Append('"').ToString();
    }

    /// <summary>A name as a C# string literal would show it, for failure messages (control characters visible).</summary>
    public static string Show(string name)
    {
        var b = new StringBuilder();
        foreach (var c in name)
        {
            b.Append(c < 0x20 || c == 0x7f ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return b.ToString();
    }
}
