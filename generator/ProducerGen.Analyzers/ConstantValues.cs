using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ProducerGen.Analyzers;

/// <summary>The compile-time constant flowing into a member: literals, <c>const</c> locals and fields, casts, unary minus, constant arithmetic.</summary>
internal static class ConstantValues
{
    /// <summary>
    /// The outermost constant found by looking through built-in conversions (a nullable conversion such as
    /// <c>double</c> to <c>double?</c> has no constant of its own; <c>(double)1</c> does). A user-defined conversion stops the search.
    /// </summary>
    public static bool TryGet(IOperation value, out object? constant)
    {
        for (IOperation? operation = value; operation is not null;)
        {
            if (operation.ConstantValue.HasValue)
            {
                constant = operation.ConstantValue.Value;
                return true;
            }

            if (operation is not IConversionOperation { OperatorMethod: null } conversion)
            {
                break;
            }

            operation = conversion.Operand;
        }

        constant = null;
        return false;
    }

    /// <summary>The constant as the double the runtime validates, and as the text a message shows.</summary>
    public static bool TryGetNumber(object constant, out double number, out string display)
    {
        switch (constant)
        {
            case double d:
                number = d;
                display = DisplayText.Number(d);
                return true;
            case float f:
                // The runtime sees the widened double (0.1F is 0.10000000149011612), so the analyzer does too.
                number = f;
                display = DisplayText.Number(number);
                return true;
            case decimal m:
                number = (double)m;
                display = m.ToString(CultureInfo.InvariantCulture);
                return true;
            case char c:
                number = c;
                display = DisplayText.Number((long)c);
                return true;
            case ulong u:
                number = u;
                display = u.ToString(CultureInfo.InvariantCulture);
                return true;
            case sbyte or byte or short or ushort or int or uint or long:
                var whole = System.Convert.ToInt64(constant, CultureInfo.InvariantCulture);
                number = whole;
                display = DisplayText.Number(whole);
                return true;
            default:
                number = double.NaN;
                display = string.Empty;
                return false;
        }
    }
}
