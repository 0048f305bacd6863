using System.Text.RegularExpressions;

namespace ProducerGen.Schema.Loading;

/// <summary>
/// The syntax of a path into a JSON answer: member names joined by <c>.</c>, each optionally followed by <c>[n]</c> indexes
/// (<c>data.images[0].url</c>), or <c>$</c> for the whole body. The runtime reads the same syntax (<c>ResponsePath</c>).
/// </summary>
public static class ResponsePathSyntax
{
    private static readonly Regex Shape = new(
        @"^(\$|[^.\[\]\s]+(\[[0-9]{1,9}\])*(\.[^.\[\]\s]+(\[[0-9]{1,9}\])*)*)$",
        RegexOptions.CultureInvariant,
        System.TimeSpan.FromSeconds(1));

    /// <summary>Whether <paramref name="text"/> is a response path (an index has at most 9 digits, so the runtime can read it).</summary>
    public static bool IsValid(string text) => Shape.IsMatch(text);

    /// <summary>How to write one, for messages.</summary>
    public const string Hint = "write member names joined by '.', each optionally followed by [n] to index an array (e.g. 'data.taskId', 'images[0].url'), or '$' for the whole body";
}
