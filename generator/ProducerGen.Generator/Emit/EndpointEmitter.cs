using ProducerGen.Generator.Planning;
using ProducerGen.Generator.Specs;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Emit;

/// <summary>
/// Prints an endpoint's file: its result view (a base class every model's result derives from, reading the job's
/// <c>result</c> tolerantly through the runtime's <c>ResultReader</c>: a missing or mistyped member reads as null,
/// an unknown value never throws), the result's object types, and the enums and objects of its shared fields.
/// </summary>
internal static class EndpointEmitter
{
    private const string Element = "global::System.Text.Json.JsonElement";
    private const string Reader = "global::ProducerGen.Internal.ResultReader";

    public static string Emit(EndpointUnit unit)
    {
        var file = unit.File;
        var result = file.Result;
        var writer = GeneratedCode.StartFile(unit.Context.Namespace);

        writer.DocXml("summary", $"The result of a completed job of the '{SourceWriter.Escape(result.EndpointName)}' endpoint ({SourceWriter.Escape(result.Route)}).");
        writer.Line(GeneratedCode.Attribute);
        writer.OpenBlock($"public abstract partial class {result.Name} : global::ProducerGen.JobResult");
        writer.DocXml("summary", "Reads the typed view of <paramref name=\"job\"/>'s result.");
        writer.Line("/// <param name=\"job\">The completed job.</param>");
        writer.Line($"protected {result.Name}(global::ProducerGen.Job job)");
        writer.OpenBlock("    : base(job)");
        writer.Line($"var result = job.Result ?? default({Element});");
        foreach (var property in result.Properties)
        {
            writer.Line($"{property.Name} = {ReadExpression(property.Type, $"{Reader}.Member(result, {Literals.String(property.WireName)})", property.ObjectReference)};");
        }

        writer.CloseBlock();
        writer.Line();
        EmitProperties(writer, result.Properties);
        writer.CloseBlock();
        writer.Line();

        foreach (var resultObject in file.ResultObjects)
        {
            EmitResultObject(writer, resultObject);
        }

        // Enums and objects of the fields every model's request shares live here, once per endpoint.
        new RecordEmitter(writer, unit.Context.SchemaFile).EmitAll(file.FieldTypes);

        return GeneratedCode.EndFile(writer);
    }

    private static void EmitProperties(SourceWriter writer, EquatableArray<ResultPropertySpec> properties)
    {
        foreach (var property in properties)
        {
            writer.Doc("summary", property.Summary);
            // Lists are never null: absent reads as empty (and the initializer keeps nullable analysis honest).
            var initializer = property.ItemType is { } itemType ? $" = global::System.Array.Empty<{itemType}>();" : string.Empty;
            writer.Line($"public {property.DeclaredType} {property.Name} {{ get; init; }}{initializer}");
            writer.Line();
        }
    }

    /// <summary>Prints a sealed class of init properties with a tolerant reader (a result's object, or an answer type).</summary>
    internal static void EmitResultObject(SourceWriter writer, ResultObjectSpec spec)
    {
        writer.Doc("summary", spec.Summary);
        writer.Line(GeneratedCode.Attribute);
        writer.OpenBlock($"public sealed partial class {spec.Name}");
        EmitProperties(writer, spec.Properties);
        writer.Doc("summary", "Reads a value from JSON; members that are missing or of another type read as null.");
        writer.OpenBlock($"internal static {spec.Name} Read({Element} element)");
        writer.OpenBlock($"return new {spec.Name}");
        foreach (var property in spec.Properties)
        {
            writer.Line($"{property.Name} = {ReadExpression(property.Type, $"{Reader}.Member(element, {Literals.String(property.WireName)})", property.ObjectReference)},");
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
    }

    /// <summary>An expression reading <paramref name="source"/> (a JsonElement expression) as <paramref name="type"/>.</summary>
    private static string ReadExpression(TypeSpec type, string source, string? objectType) => type.Kind switch
    {
        MemberType.Integer => $"{Reader}.ReadLong({source})",
        MemberType.Number => $"{Reader}.ReadDouble({source})",
        MemberType.Boolean => $"{Reader}.ReadBoolean({source})",
        MemberType.Url => $"{Reader}.ReadUri({source})",
        MemberType.Json => $"{Reader}.ReadJson({source})",
        MemberType.Object => $"{Reader}.ReadObject({source}, {objectType}.Read)",
        MemberType.Array => $"{Reader}.ReadArray({source}, static item => {ItemRead(type.Items ?? new TypeSpec(MemberType.String), objectType)})",
        _ => $"{Reader}.ReadString({source})",
    };

    private static string ItemRead(TypeSpec type, string? objectType) => type.Kind == MemberType.Object
        ? $"{objectType}.Read(item)"
        : ReadExpression(type, "item", objectType);
}
