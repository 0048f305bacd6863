using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProducerGen;

/// <summary>
/// The checks generated <see cref="IGenerationRequest.Validate"/> methods call, one per schema constraint.
/// Each adds a <see cref="ValidationError"/> whose message names the allowed range or values and the value found.
/// A <see langword="null"/> value passes every check except <see cref="Required"/>.
/// For generated code: hidden from completion, as Azure.Core hides its helpers.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConstraintChecks
{
    private const int MaxShownTextLength = 60;

    /// <summary>Adds an error when a required member is <see langword="null"/> (or an empty string).</summary>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The member's value.</param>
    public static void Required(List<ValidationError> errors, string path, object? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            errors.Add(new ValidationError(path, "is required"));
        }
    }

    /// <summary>Adds an error when a number lies outside [minimum, maximum] or off the step grid.</summary>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The member's value.</param>
    /// <param name="minimum">The inclusive minimum, or <see langword="null"/>.</param>
    /// <param name="maximum">The inclusive maximum, or <see langword="null"/>.</param>
    /// <param name="step">The grid step (value = minimum + k * step), or <see langword="null"/>.</param>
    public static void Range(List<ValidationError> errors, string path, double? value, double? minimum, double? maximum, double? step)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not { } v)
        {
            return;
        }

        minimum = NullIfNaN(minimum);
        maximum = NullIfNaN(maximum);
        step = NullIfNaN(step);
        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            errors.Add(new ValidationError(path, $"must be a finite number (was {Format(v)})"));
            return;
        }

        if (OutOfRange(v < minimum, v > maximum, minimum, maximum, v, Format) is { } rangeMessage)
        {
            errors.Add(new ValidationError(path, rangeMessage));
            return;
        }

        if (step is { } s && s > 0 && !StepGrid.IsOnGrid(v, minimum, s))
        {
            StepGrid.Neighbours(v, minimum, s, out var below, out var above);
            var example = (below, above) switch
            {
                _ when minimum is { } min && below < min => Format(above),
                _ when maximum is { } max && above > max => Format(below),
                _ => $"{Format(below)} or {Format(above)}",
            };
            var grid = minimum is { } start ? $"the {Format(s)} grid starting at {Format(start)}" : $"a multiple of {Format(s)}";
            var onGrid = minimum is null ? $"must be {grid}" : $"must be on {grid}";
            errors.Add(new ValidationError(path, $"{onGrid}, e.g. {example} (was {Format(v)})"));
        }
    }

    /// <summary>Adds an error when an integer lies outside [minimum, maximum] or off the step grid.</summary>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The member's value.</param>
    /// <param name="minimum">The inclusive minimum, or <see langword="null"/>.</param>
    /// <param name="maximum">The inclusive maximum, or <see langword="null"/>.</param>
    /// <param name="step">The grid step (value = minimum + k * step), or <see langword="null"/>.</param>
    public static void Range(List<ValidationError> errors, string path, long? value, long? minimum, long? maximum, long? step)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not { } v)
        {
            return;
        }

        if (OutOfRange(v < minimum, v > maximum, minimum, maximum, v, Format) is { } rangeMessage)
        {
            errors.Add(new ValidationError(path, rangeMessage));
            return;
        }

        if (step is { } s && s > 0)
        {
            var origin = minimum ?? 0;
            var offset = (Int128)v - origin;
            var remainder = (long)(((offset % s) + s) % s);
            if (remainder != 0)
            {
                var below = (long)(v - remainder);
                var above = below + s;
                var example = maximum is { } max && above > max ? Format(below) : minimum is { } min && below < min ? Format(above) : $"{Format(below)} or {Format(above)}";
                var message = minimum is { } start
                    ? $"must be on the {Format(s)} grid starting at {Format(start)}, e.g. {example} (was {Format(v)})"
                    : $"must be a multiple of {Format(s)}, e.g. {example} (was {Format(v)})";
                errors.Add(new ValidationError(path, message));
            }
        }
    }

    /// <summary>Adds an error when a string is shorter than <paramref name="minLength"/> or longer than <paramref name="maxLength"/> (UTF-16 code units, as the service counts).</summary>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The member's value.</param>
    /// <param name="minLength">The minimum length, or <see langword="null"/>.</param>
    /// <param name="maxLength">The maximum length, or <see langword="null"/>.</param>
    public static void Length(List<ValidationError> errors, string path, string? value, int? minLength, int? maxLength)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return;
        }

        minLength = minLength < 0 ? null : minLength;
        maxLength = maxLength < 0 ? null : maxLength;
        var length = value.Length;
        if (length < minLength)
        {
            errors.Add(new ValidationError(path, $"must be at least {Characters(minLength.Value)} (was {length})"));
        }
        else if (length > maxLength)
        {
            errors.Add(new ValidationError(path, $"must be at most {Characters(maxLength.Value)} (was {length})"));
        }
    }

    /// <summary>Adds an error when a string does not match <paramref name="pattern"/> (an ECMAScript-style regular expression; compiled once per pattern).</summary>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The member's value.</param>
    /// <param name="pattern">The regular expression the whole value is searched with.</param>
    public static void Pattern(List<ValidationError> errors, string path, string? value, string pattern)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(pattern);
        if (value is null)
        {
            return;
        }

        var regex = CompiledPatterns.For(pattern);
        bool matches;
        try
        {
            matches = regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            matches = false;
        }

        if (!matches)
        {
            errors.Add(new ValidationError(path, $"must match the pattern {pattern} (was {Quote(value)})"));
        }
    }

    /// <summary>Adds an error when a string does not have <paramref name="format"/> (see <see cref="StringFormat"/> for each rule).</summary>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The member's value.</param>
    /// <param name="format">The format the value must have.</param>
    public static void Format(List<ValidationError> errors, string path, string? value, StringFormat format)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null || (int)format < 1 || (int)format > StringFormatRules.Names.Length)
        {
            return;
        }

        var name = StringFormatRules.Names[(int)format - 1];
        if (!StringFormatRules.IsValid(name, value))
        {
            errors.Add(new ValidationError(path, $"must be {StringFormatRules.Describe(name)} (was {Quote(value)})"));
        }
    }

    /// <summary>Adds an error when an integer is not one of <paramref name="allowed"/>.</summary>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The member's value.</param>
    /// <param name="allowed">The allowed values.</param>
    public static void AllowedValues(List<ValidationError> errors, string path, long? value, long[] allowed)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(allowed);
        if (value is { } v && Array.IndexOf(allowed, v) < 0)
        {
            var list = string.Join(", ", Array.ConvertAll(allowed, a => Format(a)));
            errors.Add(new ValidationError(path, $"must be one of {list} (was {Format(v)})"));
        }
    }

    /// <summary>Adds an error when a collection has fewer than <paramref name="minItems"/> or more than <paramref name="maxItems"/> items.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The member's value.</param>
    /// <param name="minItems">The minimum count, or <see langword="null"/>.</param>
    /// <param name="maxItems">The maximum count, or <see langword="null"/>.</param>
    public static void Items<T>(List<ValidationError> errors, string path, ICollection<T>? value, int? minItems, int? maxItems)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return;
        }

        minItems = minItems < 0 ? null : minItems;
        maxItems = maxItems < 0 ? null : maxItems;
        var count = value.Count;
        if (count < minItems)
        {
            errors.Add(new ValidationError(path, $"must have at least {ItemCount(minItems.Value)} (had {count})"));
        }
        else if (count > maxItems)
        {
            errors.Add(new ValidationError(path, $"must have at most {ItemCount(maxItems.Value)} (had {count})"));
        }
    }

    /// <summary>Adds an error when a URI is not an absolute http or https URL.</summary>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The member's value.</param>
    public static void HttpUrl(List<ValidationError> errors, string path, Uri? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return;
        }

        if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(value.Host))
        {
            errors.Add(new ValidationError(path, $"must be an absolute http or https URL (was {Quote(value.OriginalString)})"));
        }
    }

    /// <summary>Adds an error when an enum value is not one of the enum's defined members (e.g. after a cast from an integer).</summary>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="isDefined">Whether the value is a defined member, as the generated code knows without reflection.</param>
    /// <param name="value">The member's value, shown in the message.</param>
    public static void DefinedEnum(List<ValidationError> errors, string path, bool isDefined, object? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not null && !isDefined)
        {
            errors.Add(new ValidationError(path, $"must be one of the defined values (was {Convert.ToString(value, CultureInfo.InvariantCulture)})"));
        }
    }

    // The value is formatted only once it is out of range: a valid request builds no message text (issue 20).
    /// <summary>As <see cref="DefinedEnum(List{ValidationError}, string, bool, object?)"/> for an enum, without boxing a defined value.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="errors">The list to add to.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="isDefined">Whether the value is a defined member.</param>
    /// <param name="value">The member's value, shown in the message.</param>
    public static void DefinedEnum<TEnum>(List<ValidationError> errors, string path, bool isDefined, TEnum? value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is { } v && !isDefined)
        {
            DefinedEnum(errors, path, isDefined, (object)v);
        }
    }

    private static string? OutOfRange<T>(bool below, bool above, T? minimum, T? maximum, T value, Func<T, string> format)
        where T : struct
    {
        if (!below && !above)
        {
            return null;
        }

        var shown = format(value);

        return (minimum, maximum) switch
        {
            ({ } min, { } max) => $"must be between {format(min)} and {format(max)} (was {shown})",
            ({ } min, null) => $"must be at least {format(min)} (was {shown})",
            (null, { } max) => $"must be at most {format(max)} (was {shown})",
            _ => null,
        };
    }

    private static double? NullIfNaN(double? value) => value is { } v && double.IsNaN(v) ? null : value;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Characters(int count) => count == 1 ? "1 character" : $"{count} characters";

    private static string ItemCount(int count) => count == 1 ? "1 item" : $"{count} items";

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        var shown = value.Length > MaxShownTextLength ? value[..MaxShownTextLength] : value;
        foreach (var c in shown)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        if (value.Length > MaxShownTextLength)
        {
            builder.Append('…');
        }

        return builder.Append('"').ToString();
    }

    // Its own class, so that initializing ConstraintChecks (which the JIT may do when it recompiles a hot range check) does not load the
    // regex engine for requests that have no pattern (issue 20 target 4: resident memory every process paid for nothing).
    private static class CompiledPatterns
    {
        private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

        public static Regex For(string pattern) => Cache.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }
}
