using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ProducerGen.Analyzers;

/// <summary>How numbers, ranges and strings appear in messages and fixes: invariant culture, shortest round-trip form.</summary>
internal static class DisplayText
{
    private const int MaxShownStringLength = 40;

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>" (schema x.producergen.yaml)", or nothing when the member does not name its file.</summary>
    public static string SchemaSuffix(SchemaConstraints constraints) =>
        constraints.SchemaFile is { } file ? " (schema " + file + ")" : string.Empty;

    /// <summary>"outside 0..1", or "below the minimum 0" / "above the maximum 1" when only one bound exists.</summary>
    public static string RangeViolation(double minimum, double maximum)
    {
        if (!double.IsNaN(minimum) && !double.IsNaN(maximum))
        {
            return "outside " + Number(minimum) + ".." + Number(maximum);
        }

        return double.IsNaN(maximum) ? "below the minimum " + Number(minimum) : "above the maximum " + Number(maximum);
    }

    /// <summary>"over the maximum of 80" or "under the minimum of 1".</summary>
    public static string BoundViolation(bool over, int bound) =>
        over ? "over the maximum of " + bound.ToString(CultureInfo.InvariantCulture) : "under the minimum of " + bound.ToString(CultureInfo.InvariantCulture);

    public static string Count(int count, string singular) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");

    /// <summary>The string as a C# literal, cut after 40 characters (<c>"Lorem ipsum..."...</c>).</summary>
    public static string QuotedString(string value)
    {
        if (value.Length <= MaxShownStringLength)
        {
            return SymbolDisplay.FormatLiteral(value, quote: true);
        }

        var cut = MaxShownStringLength;
        if (char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        return SymbolDisplay.FormatLiteral(value.Substring(0, cut), quote: true) + "...";
    }

    public static string List(ImmutableArray<long> values)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Number(value));
        }

        return builder.ToString();
    }

    /// <summary>The C# expression text for <paramref name="value"/> in a target of the given numeric kind.</summary>
    public static string Literal(double value, NumericTarget target)
    {
        switch (target)
        {
            case NumericTarget.Integer:
                return Number((long)Math.Round(value));
            case NumericTarget.Single:
                return ((float)value).ToString("R", CultureInfo.InvariantCulture) + "F";
            case NumericTarget.Decimal:
                return ((decimal)value).ToString(CultureInfo.InvariantCulture) + "M";
            default:
                return Number(value);
        }
    }
}

/// <summary>The numeric type a constrained member holds, which decides how a fix writes its literal.</summary>
internal enum NumericTarget
{
    Double,
    Single,
    Decimal,
    Integer,
}
