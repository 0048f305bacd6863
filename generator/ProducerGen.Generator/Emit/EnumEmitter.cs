using ProducerGen.Schema.Model;
using ProducerGen.Schema.Naming;

namespace ProducerGen.Generator.Emit;

/// <summary>Emits a C# enum for a string enum, with wire-value conversions that never guess.</summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter writer, string name, TypeSpec type, string wirePath)
    {
        writer.Doc("summary", $"The values of '{wirePath}'. Each member is sent as its wire value, unchanged.");
        writer.Line(GeneratedCode.Attribute);
        writer.OpenBlock("public enum " + name);
        foreach (var value in type.EnumValues)
        {
            writer.Doc("summary", $"Wire value '{value}'.");
            writer.Line(NameMapper.ToPascalCase(value) + ",");
        }

        writer.CloseBlock();
        writer.Line();

        writer.DocXml("summary", $"Converts <see cref=\"{name}\"/> to and from its wire values.");
        writer.Line(GeneratedCode.Attribute);
        writer.OpenBlock($"public static partial class {name}Extensions");

        writer.Doc("summary", "The value sent on the wire.");
        writer.OpenBlock($"public static string ToWireValue(this {name} value)");
        writer.OpenBlock("switch (value)");
        foreach (var value in type.EnumValues)
        {
            writer.Line($"case {name}.{NameMapper.ToPascalCase(value)}: return {Literals.String(value)};");
        }

        writer.Line($"default: throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a defined {name} value.\");");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();

        writer.Doc("summary", "Reads a wire value; false for a value this client does not know (a newer server may send one).");
        writer.OpenBlock($"public static bool TryParseWireValue(string? wireValue, out {name} value)");
        writer.OpenBlock("switch (wireValue)");
        foreach (var value in type.EnumValues)
        {
            writer.Line($"case {Literals.String(value)}: value = {name}.{NameMapper.ToPascalCase(value)}; return true;");
        }

        writer.Line("default: value = default; return false;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();

        writer.Doc("summary", "Whether the value is one of the declared members (not an out-of-range cast).");
        writer.OpenBlock($"public static bool IsDefined(this {name} value)");
        writer.OpenBlock("switch (value)");
        foreach (var value in type.EnumValues)
        {
            writer.Line($"case {name}.{NameMapper.ToPascalCase(value)}:");
        }

        writer.Line("    return true;");
        writer.Line("default: return false;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
    }
}
