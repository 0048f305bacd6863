// This file is compiled by the runtime and, as a linked source file, by the schema loader, the analyzer and the
// emulator, so a default, a constant, a validated request and the emulator agree on every format.
// Keep it free of dependencies and of BCL APIs newer than netstandard2.0.
using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProducerGen;

/// <summary>The rules of the schema's string formats, keyed by their wire names (<c>uuid</c>, <c>date-time</c>, <c>uri</c>, <c>email</c>).</summary>
internal static class StringFormatRules
{
    /// <summary>The format names in the order of the runtime's <c>StringFormat</c> members after <c>None</c>.</summary>
    public static readonly string[] Names = { "uuid", "date-time", "uri", "email" };

    /// <summary>Whether <paramref name="value"/> has the format named <paramref name="format"/>; an unknown name accepts anything.</summary>
    public static bool IsValid(string format, string value)
    {
        switch (format)
        {
            case "uuid":
                return value.Length == 36 && Guid.TryParseExact(value, "D", out _);
            case "date-time":
                return Patterns.DateTimeShape.IsMatch(value)
                    && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            case "uri":
                return Patterns.SchemeShape.IsMatch(value) && Uri.TryCreate(value, UriKind.Absolute, out _);
            case "email":
                return value.Length <= 254 && Patterns.EmailShape.IsMatch(value);
            default:
                return true;
        }
    }

    /// <summary>What a value of the format looks like, for messages ("a UUID such as 3f2b…").</summary>
    public static string Describe(string format) => format switch
    {
        "uuid" => "a UUID (8-4-4-4-12 hex digits, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301)",
        "date-time" => "an RFC 3339 date-time with an offset (e.g. 2026-01-31T12:00:00Z)",
        "uri" => "an absolute URI (e.g. https://example.com/a or urn:isbn:0451450523)",
        "email" => "an e-mail address (e.g. name@example.com)",
        _ => "format " + format,
    };

    // The patterns in a class of their own: initializing the class above (the JIT may, when it recompiles a hot validator that reads
    // Names) then does not build three regexes, and load the regex engine, for requests with no value of these formats (issue 20 target 4).
    private static class Patterns
    {
        // RFC 3339 section 5.6 date-time: the offset is required, 'T' and 'Z' may be lower case, seconds may have a fraction.
        public static readonly Regex DateTimeShape = new(
            @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

        // RFC 3986 scheme, then anything Uri accepts as absolute; the scheme check keeps "/path" (a file URI on Unix) out.
        public static readonly Regex SchemeShape = new(@"^[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        // The pragmatic address shape services check: one '@', no spaces, a dot in the domain, no empty labels.
        public static readonly Regex EmailShape = new(
            @"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }
}
