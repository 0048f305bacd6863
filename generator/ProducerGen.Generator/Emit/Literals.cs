using System.Globalization;
using System.Text;

namespace ProducerGen.Generator.Emit;

/// <summary>C# literals, formatted under InvariantCulture so a build machine's culture never changes the output.</summary>
internal static class Literals
{
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c > '\u007e')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    public static string Long(double value) => ((long)value).ToString(CultureInfo.InvariantCulture) + "L";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string NullableDouble(double? value) => value is { } v ? Double(v) : "null";

    public static string NullableLong(double? value) => value is { } v ? Long(v) : "null";

    public static string NullableInt(int? value) => value is { } v ? Int(v) : "null";

    /// <summary>A <c>new string[] { … }</c> expression of <paramref name="values"/>.</summary>
    public static string StringArray(System.Collections.Generic.IEnumerable<string> values) =>
        "new string[] { " + string.Join(", ", System.Linq.Enumerable.Select(values, String)) + " }";
}
