using System.Collections.Generic;
using ProducerGen.Schema.Model;

namespace ProducerGen.Schema.Loading;

/// <summary>Which member keys each type accepts.</summary>
internal static class ConstraintRules
{
    private static readonly string[] Common = { "type", "required", "nullable", "default", "description", "deprecated", "in" };

    private static readonly Dictionary<MemberType, string[]> Specific = new()
    {
        [MemberType.String] = new[] { "minLength", "maxLength", "pattern", "format", "enum" },
        [MemberType.Integer] = new[] { "min", "max", "step", "enum" },
        [MemberType.Number] = new[] { "min", "max", "step" },
        [MemberType.Boolean] = new string[0],
        [MemberType.Url] = new string[0],
        [MemberType.Array] = new[] { "items", "minItems", "maxItems", "maxTotalBytes", "style" },
        [MemberType.Object] = new[] { "properties" },
        [MemberType.File] = new[] { "maxBytes", "accept" },
        [MemberType.Json] = new string[0],
    };

    // A file has no value the server could assume, so it takes no default; a file part cannot be null either.
    public static bool Applies(string key, MemberType kind) =>
        (System.Array.IndexOf(Common, key) >= 0 && !(kind == MemberType.File && key is "default" or "nullable")) || System.Array.IndexOf(Specific[kind], key) >= 0;

    public static string Describe(MemberType kind) =>
        Specific[kind].Length == 0 ? "no constraints" : string.Join(", ", Specific[kind]);
}
