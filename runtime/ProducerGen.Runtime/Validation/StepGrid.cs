// This file is compiled by the runtime and, as a linked source file, by the analyzer (netstandard2.0).
// Keep it free of dependencies and of BCL APIs newer than netstandard2.0.
using System;
using System.Globalization;

namespace ProducerGen;

/// <summary>
/// The step rule of the schema: a value is on the grid when value = minimum + k * step for a whole k
/// (without a minimum: k * step), compared with a tolerance fit for doubles.
/// </summary>
internal static class StepGrid
{
    private const double RelativeTolerance = 1e-9;

    /// <summary>Whether <paramref name="value"/> lies on the grid of <paramref name="step"/> starting at <paramref name="minimum"/>.</summary>
    public static bool IsOnGrid(double value, double? minimum, double step)
    {
        if (double.IsNaN(step) || double.IsInfinity(step) || step <= 0)
        {
            return true;
        }

        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return false;
        }

        var origin = Origin(minimum);
        var k = (value - origin) / step;
        var whole = Math.Round(k);
        return Math.Abs(k - whole) <= RelativeTolerance * Math.Max(1.0, Math.Abs(whole));
    }

    /// <summary>
    /// The grid value nearest to <paramref name="value"/> that also lies within [<paramref name="minimum"/>, <paramref name="maximum"/>],
    /// rounded to the decimals of the step and the minimum so it prints cleanly (0.35, not 0.35000000000000003).
    /// </summary>
    public static double Nearest(double value, double? minimum, double? maximum, double step)
    {
        var min = minimum.HasValue && !double.IsNaN(minimum.Value) ? minimum : null;
        var max = maximum.HasValue && !double.IsNaN(maximum.Value) ? maximum : null;
        if (double.IsNaN(step) || double.IsInfinity(step) || step <= 0)
        {
            return Clamp(value, min, max);
        }

        var origin = Origin(min);
        var k = Math.Round((value - origin) / step, MidpointRounding.AwayFromZero);
        var candidate = Clean(origin + (k * step), step, origin);
        if (max.HasValue && candidate > max.Value + Tolerance(max.Value, step))
        {
            candidate = Clean(origin + (Math.Floor(((max.Value - origin) / step) + RelativeTolerance) * step), step, origin);
        }

        if (min.HasValue && candidate < min.Value - Tolerance(min.Value, step))
        {
            candidate = min.Value;
        }

        return candidate;
    }

    /// <summary>The grid values just below and just above <paramref name="value"/> (equal when it is on the grid).</summary>
    public static void Neighbours(double value, double? minimum, double step, out double below, out double above)
    {
        var origin = Origin(minimum);
        var k = Math.Floor((value - origin) / step);
        below = Clean(origin + (k * step), step, origin);
        above = Clean(origin + ((k + 1) * step), step, origin);
    }

    private static double Origin(double? minimum) => minimum.HasValue && !double.IsNaN(minimum.Value) && !double.IsInfinity(minimum.Value) ? minimum.Value : 0.0;

    private static double Tolerance(double bound, double step) => RelativeTolerance * Math.Max(1.0, Math.Abs(bound / step)) * step;

    private static double Clamp(double value, double? min, double? max)
    {
        if (min.HasValue && value < min.Value)
        {
            return min.Value;
        }

        return max.HasValue && value > max.Value ? max.Value : value;
    }

    private static double Clean(double value, double step, double origin)
    {
        var decimals = Math.Max(Decimals(step), Decimals(origin));
        return decimals <= 15 ? Math.Round(value, decimals, MidpointRounding.AwayFromZero) : value;
    }

    private static int Decimals(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = text.IndexOfAny(new[] { 'E', 'e' });
        var mantissaDecimals = 0;
        var mantissa = exponent >= 0 ? text.Substring(0, exponent) : text;
        var dot = mantissa.IndexOf('.');
        if (dot >= 0)
        {
            mantissaDecimals = mantissa.Length - dot - 1;
        }

        if (exponent >= 0)
        {
            var power = int.Parse(text.Substring(exponent + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return Math.Max(0, mantissaDecimals - power);
        }

        return mantissaDecimals;
    }
}
