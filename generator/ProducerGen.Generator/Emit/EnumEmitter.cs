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

        // The members are declared in wire order from 0, so the wire values are a table indexed by the value: data, not a switch per
        // conversion (issue 20: the switches were 2,325 of the catalog's 47,056 generated lines).
        writer.Line("private static readonly string[] s_wireValues =");
        writer.Line("{");
        foreach (var member in spec.Members)
        {
            writer.Line($"    {Literals.String(member.WireValue)},");
        }

        writer.Line("};");
        writer.Line();

        writer.Doc("summary", "The value sent on the wire.");
        writer.Line($"public static string ToWireValue(this {name} value)");
        writer.Line($"    => (uint)value < (uint)s_wireValues.Length ? s_wireValues[(int)value] : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a defined {name} value.\");");
        writer.Line();

        writer.Doc("summary", "Reads a wire value; false for a value this client does not know (a newer server may send one).");
        writer.OpenBlock($"public static bool TryParseWireValue(string? wireValue, out {name} value)");
        writer.Line("var index = global::System.Array.IndexOf(s_wireValues, wireValue);");
        writer.Line($"value = index < 0 ? default : ({name})index;");
        writer.Line("return index >= 0;");
        writer.CloseBlock();
        writer.Line();

        writer.Doc("summary", "Whether the value is one of the declared members (not an out-of-range cast).");
        writer.Line($"public static bool IsDefined(this {name} value) => (uint)value < (uint)s_wireValues.Length;");
        writer.CloseBlock();
        writer.Line();
    }
}
