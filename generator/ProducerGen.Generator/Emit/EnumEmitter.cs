using ProducerGen.Generator.Specs;

namespace ProducerGen.Generator.Emit;

/// <summary>Prints a C# enum for a string enum, with wire-value conversions that never guess.</summary>
internal static class EnumEmitter
{
    public static void Emit(SourceWriter writer, EnumSpec spec)
    {
        var name = spec.Name;
        writer.Doc("summary", $"The values of '{spec.WirePath}'. Each member is sent as its wire value, unchanged.");
        writer.Line(GeneratedCode.Attribute);
        writer.OpenBlock("public enum " + name);
        foreach (var member in spec.Members)
        {
            writer.Doc("summary", $"Wire value '{member.WireValue}'.");
            writer.Line(member.Name + ",");
        }

        writer.CloseBlock();
        writer.Line();

        writer.DocXml("summary", $"Converts <see cref=\"{name}\"/> to and from its wire values.");
        writer.Line(GeneratedCode.Attribute);
        writer.OpenBlock($"public static partial class {spec.ExtensionsName}");

        writer.Doc("summary", "The value sent on the wire.");
        writer.OpenBlock($"public static string ToWireValue(this {name} value)");
        writer.OpenBlock("switch (value)");
        foreach (var member in spec.Members)
        {
            writer.Line($"case {name}.{member.Name}: return {Literals.String(member.WireValue)};");
        }

        writer.Line($"default: throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a defined {name} value.\");");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();

        writer.Doc("summary", "Reads a wire value; false for a value this client does not know (a newer server may send one).");
        writer.OpenBlock($"public static bool TryParseWireValue(string? wireValue, out {name} value)");
        writer.OpenBlock("switch (wireValue)");
        foreach (var member in spec.Members)
        {
            writer.Line($"case {Literals.String(member.WireValue)}: value = {name}.{member.Name}; return true;");
        }

        writer.Line("default: value = default; return false;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();

        writer.Doc("summary", "Whether the value is one of the declared members (not an out-of-range cast).");
        writer.OpenBlock($"public static bool IsDefined(this {name} value)");
        writer.OpenBlock("switch (value)");
        foreach (var member in spec.Members)
        {
            writer.Line($"case {name}.{member.Name}:");
        }

        writer.Line("    return true;");
        writer.Line("default: return false;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
    }
}
