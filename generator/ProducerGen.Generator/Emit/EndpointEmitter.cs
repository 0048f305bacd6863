using System.Collections.Generic;
using System.Linq;
using ProducerGen.Generator.Planning;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Emit;

/// <summary>
/// Emits an endpoint's result view: a base class every model's result derives from, reading the
/// job's <c>result</c> with <c>JsonElement</c> tolerantly (a missing or mistyped member reads as null,
/// an unknown value never throws), plus nested result types.
/// </summary>
internal static class EndpointEmitter
{
    private const string Element = "global::System.Text.Json.JsonElement";
    private const string Kind = "global::System.Text.Json.JsonValueKind";

    public static string ResultBaseName(EndpointSpec endpoint) => endpoint.CSharpName + "Result";

    public static string Emit(EndpointUnit unit)
    {
        var endpoint = unit.Endpoint;
        var name = ResultBaseName(endpoint);
        var writer = GeneratedCode.StartFile(unit.Context.Namespace);
        var nested = new List<(string Name, MemberSpec Member, TypeSpec Type)>();

        writer.DocXml("summary", $"The result of a completed job of the '{SourceWriter.Escape(endpoint.Name)}' endpoint ({SourceWriter.Escape(endpoint.Request.ToString())}).");
        writer.Line(GeneratedCode.Attribute);
        writer.OpenBlock($"public abstract partial class {name}");
        writer.DocXml("summary", "Reads the typed view of <paramref name=\"job\"/>'s result.");
        writer.Line("/// <param name=\"job\">The completed job.</param>");
        writer.OpenBlock($"protected {name}(global::ProducerGen.Job job)");
        writer.Line("Job = job ?? throw new global::System.ArgumentNullException(nameof(job));");
        writer.Line($"var result = job.Result ?? default({Element});");
        foreach (var member in endpoint.Result)
        {
            writer.Line($"{member.CSharpName} = {ReadExpression(member.Type, $"{name}.Member(result, {Literals.String(member.Name)})", TypeNaming.NestedName(endpoint.CSharpName, member), name)};");
        }

        writer.CloseBlock();
        writer.Line();
        writer.Doc("summary", "The finished job: status, timings, credits, the raw result and the expired flag.");
        writer.Line("public global::ProducerGen.Job Job { get; }");
        writer.Line();
        writer.Doc("summary", "Every http(s) URL in the result, whatever its shape.");
        writer.Line("public global::System.Collections.Generic.IReadOnlyList<global::System.Uri> OutputUrls => Job.GetOutputUrls();");
        writer.Line();
        writer.Doc("summary", "True once the provider has purged the job's files; the URLs may then return 404.");
        writer.Line("public bool Expired => Job.Expired;");
        writer.Line();
        EmitMembers(writer, endpoint.Result, endpoint.CSharpName, nested);
        EmitReadHelpers(writer);
        writer.CloseBlock();
        writer.Line();

        for (var i = 0; i < nested.Count; i++)
        {
            EmitNested(writer, nested[i].Name, nested[i].Member, nested[i].Type, name, nested);
        }

        // Enums and objects of the fields every model's request shares live here, once per endpoint.
        new RequestTypeEmitter(writer, unit.Context.SchemaFile).EmitNestedTypes(endpoint.Fields.ToList(), endpoint.CSharpName, string.Empty);

        return GeneratedCode.EndFile(writer);
    }

    private static void EmitMembers(SourceWriter writer, IEnumerable<MemberSpec> members, string prefix, List<(string, MemberSpec, TypeSpec)> nested)
    {
        foreach (var member in members)
        {
            var nestedName = TypeNaming.NestedName(prefix, member);
            writer.Doc("summary", member.Description ?? $"The result's '{member.Name}'.");
            // Lists are never null: absent reads as empty (and the initializer keeps nullable analysis honest).
            var initializer = member.Type.Kind == MemberType.Array ? $" = global::System.Array.Empty<{ItemType(member.Type.Items ?? new TypeSpec(MemberType.String), nestedName)}>();" : string.Empty;
            writer.Line($"public {ResultType(member.Type, nestedName)} {member.CSharpName} {{ get; init; }}{initializer}");
            writer.Line();
            // Arrays of arrays of objects still need their innermost object type declared.
            var inner = member.Type;
            while (inner is { Kind: MemberType.Array, Items: { } items })
            {
                inner = items;
            }

            if (inner is { Kind: MemberType.Object })
            {
                nested.Add((nestedName, member, inner));
            }
        }
    }

    private static void EmitNested(SourceWriter writer, string name, MemberSpec member, TypeSpec type, string helpers, List<(string, MemberSpec, TypeSpec)> nested)
    {
        writer.Doc("summary", member.Description ?? $"An item of the result's '{member.Name}'.");
        writer.Line(GeneratedCode.Attribute);
        writer.OpenBlock($"public sealed partial class {name}");
        EmitMembers(writer, type.Properties, name, nested);
        writer.Doc("summary", "Reads a value from JSON; members that are missing or of another type read as null.");
        writer.OpenBlock($"internal static {name} Read({Element} element)");
        writer.OpenBlock($"return new {name}");
        foreach (var property in type.Properties)
        {
            writer.Line($"{property.CSharpName} = {ReadExpression(property.Type, $"{helpers}.Member(element, {Literals.String(property.Name)})", TypeNaming.NestedName(name, property), helpers)},");
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
    }

    /// <summary>Result members are nullable scalars, read-only lists (empty when absent) or nested objects.</summary>
    private static string ResultType(TypeSpec type, string nestedName) => type.Kind switch
    {
        MemberType.Array => $"global::System.Collections.Generic.IReadOnlyList<{ItemType(type.Items ?? new TypeSpec(MemberType.String), nestedName)}>",
        MemberType.Object => nestedName + "?",
        _ => ScalarType(type) + "?",
    };

    private static string ItemType(TypeSpec type, string nestedName) => type.Kind switch
    {
        MemberType.Object => nestedName,
        MemberType.Array => ResultType(type, nestedName),
        _ => ScalarType(type) + "?",
    };

    // Result enums stay strings: a newer server may send a value this client has never seen.
    private static string ScalarType(TypeSpec type) => type.Kind switch
    {
        MemberType.Integer => "long",
        MemberType.Number => "double",
        MemberType.Boolean => "bool",
        MemberType.Url => "global::System.Uri",
        _ => "string",
    };

    /// <summary>An expression reading <paramref name="source"/> (a JsonElement expression) as <paramref name="type"/>.</summary>
    private static string ReadExpression(TypeSpec type, string source, string nestedName, string helpers) => type.Kind switch
    {
        MemberType.Integer => $"{helpers}.ReadLong({source})",
        MemberType.Number => $"{helpers}.ReadDouble({source})",
        MemberType.Boolean => $"{helpers}.ReadBoolean({source})",
        MemberType.Url => $"{helpers}.ReadUri({source})",
        MemberType.Object => $"{helpers}.ReadObject({source}, {nestedName}.Read)",
        MemberType.Array => $"{helpers}.ReadArray({source}, static item => {ItemRead(type.Items ?? new TypeSpec(MemberType.String), nestedName, helpers)})",
        _ => $"{helpers}.ReadString({source})",
    };

    private static string ItemRead(TypeSpec type, string nestedName, string helpers) => type.Kind == MemberType.Object
        ? $"{nestedName}.Read(item)"
        : ReadExpression(type, "item", nestedName, helpers);

    private static void EmitReadHelpers(SourceWriter w)
    {
        w.Line($"internal static {Element} Member({Element} element, string name) => element.ValueKind == {Kind}.Object && element.TryGetProperty(name, out var value) ? value : default;");
        w.Line();
        w.Line($"internal static string? ReadString({Element} element) => element.ValueKind == {Kind}.String ? element.GetString() : null;");
        w.Line();
        w.Line($"internal static long? ReadLong({Element} element) => element.ValueKind == {Kind}.Number && element.TryGetInt64(out var value) ? value : null;");
        w.Line();
        w.Line($"internal static double? ReadDouble({Element} element) => element.ValueKind == {Kind}.Number && element.TryGetDouble(out var value) ? value : null;");
        w.Line();
        w.Line($"internal static bool? ReadBoolean({Element} element) => element.ValueKind == {Kind}.True ? true : element.ValueKind == {Kind}.False ? false : null;");
        w.Line();
        w.Line($"internal static global::System.Uri? ReadUri({Element} element) => element.ValueKind == {Kind}.String && global::System.Uri.TryCreate(element.GetString(), global::System.UriKind.Absolute, out var uri) ? uri : null;");
        w.Line();
        w.Line($"internal static T? ReadObject<T>({Element} element, global::System.Func<{Element}, T> read) where T : class => element.ValueKind == {Kind}.Object ? read(element) : null;");
        w.Line();
        w.OpenBlock($"internal static global::System.Collections.Generic.IReadOnlyList<T> ReadArray<T>({Element} element, global::System.Func<{Element}, T> read)");
        w.OpenBlock($"if (element.ValueKind != {Kind}.Array)");
        w.Line("return global::System.Array.Empty<T>();");
        w.CloseBlock();
        w.Line();
        w.Line("var items = new global::System.Collections.Generic.List<T>(element.GetArrayLength());");
        w.OpenBlock("foreach (var item in element.EnumerateArray())");
        w.Line("items.Add(read(item));");
        w.CloseBlock();
        w.Line();
        w.Line("return items;");
        w.CloseBlock();
    }
}
