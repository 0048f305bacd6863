using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProducerGen.Benchmarks.CatalogBuild;

/// <summary>
/// <c>catalog-floor &lt;generated dir&gt; &lt;out dir&gt;</c>: writes the hand-written floor a user would otherwise build for the same
/// catalog (issue 20, target 2): one plain record per generated request record with the same members and wire names
/// (<c>[JsonPropertyName]</c>; schema enums become strings), one System.Text.Json source-generated context for all of them, and an
/// <c>HttpClient</c> wrapper with one submit method per model (a non-async call into one shared generic send) and a job read.
/// No validation, no retries, no waiting: the floor is what the least code that still talks to the provider costs to compile.
/// It is derived from the generator's own output (read as syntax) so both sides describe exactly the same models.
/// With <c>--reflection</c> the floor has no serializer context (reflection-based <c>System.Text.Json</c>): less to compile, more
/// to pay at run time (and not trimmable), the lightest floor a user could pick.
/// </summary>
public static class FloorProjectWriter
{
    public static int Run(string[] args)
    {
        var reflection = args.Contains("--reflection");
        args = [.. args.Where(arg => arg != "--reflection")];
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: catalog-floor [--reflection] <folder of generated .g.cs files> <output folder>");
            return 2;
        }

        var roots = Directory.GetFiles(args[0], "*.g.cs", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetCompilationUnitRoot())
            .ToList();
        var enums = roots.SelectMany(root => root.DescendantNodes().OfType<EnumDeclarationSyntax>())
            .Select(declaration => declaration.Identifier.Text)
            .ToHashSet(StringComparer.Ordinal);
        var paths = roots.SelectMany(root => root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
            .Where(creation => creation.Type.ToString().EndsWith("ModelDescription", StringComparison.Ordinal) && creation.ArgumentList?.Arguments.Count >= 3)
            .Select(creation => creation.ArgumentList!.Arguments.Select(argument => argument.Expression).ToArray())
            .Where(arguments => arguments[0] is LiteralExpressionSyntax && arguments[2] is LiteralExpressionSyntax)
            .GroupBy(arguments => ((LiteralExpressionSyntax)arguments[0]).Token.ValueText, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => ((LiteralExpressionSyntax)group.First()[2]).Token.ValueText, StringComparer.Ordinal);
        var records = roots.SelectMany(root => root.DescendantNodes().OfType<RecordDeclarationSyntax>())
            .Where(record => !record.Modifiers.Any(SyntaxKind.AbstractKeyword))
            .ToList();

        Directory.CreateDirectory(args[1]);
        var dtos = new StringBuilder(Header);
        var submits = new List<(string Method, string Request, string Path)>();
        foreach (var record in records)
        {
            WriteRecord(dtos, record, enums, paths, submits);
        }

        File.WriteAllText(Path.Combine(args[1], "FloorDtos.cs"), dtos.ToString());
        File.WriteAllText(Path.Combine(args[1], "FloorClient.cs"), ClientText(records.Select(record => record.Identifier.Text), submits, reflection));
        Console.WriteLine($"{records.Count} records, {submits.Count} submit methods, {enums.Count} enums as strings -> {args[1]}");
        return 0;
    }

    private const string Header = "// Hand-written floor for issue 20 target 2 (written by `catalog-floor`).\n#nullable enable\nusing System.Collections.Generic;\nusing System.Text.Json.Serialization;\n\nnamespace Floor;\n";

    private static void WriteRecord(StringBuilder text, RecordDeclarationSyntax record, HashSet<string> enums, Dictionary<string, string> paths, List<(string, string, string)> submits)
    {
        // Wire names come from the record's JsonEncodedText fields: s_<Member> = Encode("<wire>").
        var wire = record.Members.OfType<FieldDeclarationSyntax>()
            .SelectMany(field => field.Declaration.Variables)
            .Where(variable => variable.Identifier.Text.StartsWith("s_", StringComparison.Ordinal) && variable.Initializer?.Value is InvocationExpressionSyntax)
            .Select(variable => (Name: variable.Identifier.Text[2..], Value: ((InvocationExpressionSyntax)variable.Initializer!.Value).ArgumentList.Arguments.FirstOrDefault()?.Expression as LiteralExpressionSyntax))
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Name, pair => pair.Value!.Token.ValueText, StringComparer.Ordinal);
        var name = record.Identifier.Text;
        text.Append("\npublic sealed record ").Append(name).Append("\n{\n");
        if (wire.TryGetValue("model", out var modelMember) && wire.TryGetValue("modelId", out var modelId))
        {
            text.Append("    [JsonPropertyName(\"").Append(modelMember).Append("\")] public string Model { get; init; } = \"").Append(modelId).Append("\";\n");
            if (paths.TryGetValue(modelId, out var path))
            {
                submits.Add(("Submit" + name[..^"Request".Length] + "Async", name, path));
            }
        }

        foreach (var property in record.Members.OfType<PropertyDeclarationSyntax>().Where(property => property.Modifiers.Any(SyntaxKind.PublicKeyword) && property.AccessorList is not null))
        {
            var member = property.Identifier.Text;
            var wireName = member == "Params" && wire.TryGetValue("params", out var paramsKey) ? paramsKey
                : wire.TryGetValue(member, out var value) ? value : null;
            if (wireName is null)
            {
                continue; // not a wire member (computed or runtime-only)
            }

            var type = string.Join(".", property.Type.ToString().Replace("global::", "", StringComparison.Ordinal).Split('.'));
            // Runtime types (a file upload of a multipart operation) become the string a hand-written DTO would carry (a URL).
            type = System.Text.RegularExpressions.Regex.Replace(type, @"\bProducerGen\.[A-Za-z0-9_]+", "string");
            foreach (var enumName in enums)
            {
                type = ReplaceIdentifier(type, enumName, "string");
            }

            var required = !type.EndsWith('?') ? "required " : "";
            text.Append("    [JsonPropertyName(\"").Append(wireName).Append("\")] public ").Append(required).Append(type).Append(' ').Append(member).Append(" { get; set; }\n");
        }

        text.Append("}\n");
    }

    private static string ReplaceIdentifier(string type, string identifier, string replacement)
    {
        var index = 0;
        while ((index = type.IndexOf(identifier, index, StringComparison.Ordinal)) >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(type[index - 1]) && type[index - 1] != '_';
            var end = index + identifier.Length;
            var after = end == type.Length || !char.IsLetterOrDigit(type[end]) && type[end] != '_';
            if (before && after)
            {
                type = type[..index] + replacement + type[end..];
                index += replacement.Length;
            }
            else
            {
                index = end;
            }
        }

        return type;
    }

    /// <summary>The client file's header, usings and the two job DTOs, the same in both floors.</summary>
    private static StringBuilder ClientPreamble(bool reflection)
    {
        var text = new StringBuilder("// Hand-written floor for issue 20 target 2 (written by `catalog-floor")
            .Append(reflection ? " --reflection" : "")
            .Append("`).\n#nullable enable\nusing System.Net.Http;\nusing System.Net.Http.Json;\nusing System.Text.Json;\nusing System.Text.Json.Serialization;\n")
            .Append(reflection ? "" : "using System.Text.Json.Serialization.Metadata;\n")
            .Append("using System.Threading;\nusing System.Threading.Tasks;\n\nnamespace Floor;\n\n");
        text.Append("public sealed record JobAccepted([property: JsonPropertyName(\"jobId\")] string JobId, [property: JsonPropertyName(\"status\")] string? Status);\n\n");
        text.Append("public sealed record JobState([property: JsonPropertyName(\"id\")] string Id, [property: JsonPropertyName(\"status\")] string Status, [property: JsonPropertyName(\"progress\")] int? Progress, [property: JsonPropertyName(\"result\")] JsonElement? Result, [property: JsonPropertyName(\"error\")] JsonElement? Error);\n\n");
        return text;
    }

    private static string ReflectionClientText(List<(string Method, string Request, string Path)> submits)
    {
        var text = ClientPreamble(reflection: true);
        text.Append("/// <summary>One method per model; the key goes in a default header of the HttpClient.</summary>\npublic sealed class FloorClient(HttpClient http)\n{\n");
        text.Append("    private static readonly JsonSerializerOptions s_json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };\n\n");
        foreach (var (method, request, path) in submits)
        {
            text.Append("    public Task<JobAccepted> ").Append(method).Append('(').Append(request).Append(" request, CancellationToken cancellationToken = default) => SubmitAsync(\"")
                .Append(path).Append("\", request, cancellationToken);\n");
        }

        text.Append("""

                public async Task<JobState> GetJobAsync(string id, CancellationToken cancellationToken = default)
                    => (await http.GetFromJsonAsync<JobState>("/v2/jobs/" + System.Uri.EscapeDataString(id), s_json, cancellationToken).ConfigureAwait(false))!;

                private async Task<JobAccepted> SubmitAsync<TRequest>(string path, TRequest request, CancellationToken cancellationToken)
                {
                    using var response = await http.PostAsJsonAsync(path, request, s_json, cancellationToken).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    return (await response.Content.ReadFromJsonAsync<JobAccepted>(s_json, cancellationToken).ConfigureAwait(false))!;
                }
            }

            """);
        return text.ToString();
    }

    private static string ClientText(IEnumerable<string> records, List<(string Method, string Request, string Path)> submits, bool reflection)
    {
        if (reflection)
        {
            return ReflectionClientText(submits);
        }

        var text = ClientPreamble(reflection: false);
        text.Append("[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]\n[JsonSerializable(typeof(JobAccepted))]\n[JsonSerializable(typeof(JobState))]\n");
        foreach (var record in records)
        {
            text.Append("[JsonSerializable(typeof(").Append(record).Append("))]\n");
        }

        text.Append("internal sealed partial class FloorJsonContext : JsonSerializerContext\n{\n}\n\n");
        text.Append("/// <summary>One method per model; the key goes in a default header of the HttpClient.</summary>\npublic sealed class FloorClient(HttpClient http)\n{\n");
        foreach (var (method, request, path) in submits)
        {
            text.Append("    public Task<JobAccepted> ").Append(method).Append('(').Append(request).Append(" request, CancellationToken cancellationToken = default) => SubmitAsync(\"")
                .Append(path).Append("\", request, FloorJsonContext.Default.").Append(request).Append(", cancellationToken);\n");
        }

        text.Append("""

                public async Task<JobState> GetJobAsync(string id, CancellationToken cancellationToken = default)
                    => (await http.GetFromJsonAsync("/v2/jobs/" + System.Uri.EscapeDataString(id), FloorJsonContext.Default.JobState, cancellationToken).ConfigureAwait(false))!;

                private async Task<JobAccepted> SubmitAsync<TRequest>(string path, TRequest request, JsonTypeInfo<TRequest> typeInfo, CancellationToken cancellationToken)
                {
                    using var response = await http.PostAsJsonAsync(path, request, typeInfo, cancellationToken).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    return (await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.JobAccepted, cancellationToken).ConfigureAwait(false))!;
                }
            }

            """);
        return text.ToString();
    }
}
