using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ProducerGen.Schema.Naming;

namespace ProducerGen.Generator.Naming;

/// <summary>Turns a project's RootNamespace into a valid C# namespace, the way Visual Studio maps project names.</summary>
internal static class NamespaceNames
{
    /// <summary>Where files go when neither the schema nor the project names a namespace.</summary>
    public const string Fallback = "ProducerGen.Generated";

    /// <summary>
    /// Maps every dot-separated segment to an identifier: a character no identifier may hold becomes <c>_</c>
    /// (<c>my-app</c> → <c>my_app</c>), a segment starting with a digit gets a leading <c>_</c> (<c>1app</c> →
    /// <c>_1app</c>), a keyword gets <c>@</c>, empty segments are dropped. Null or blank gives <see cref="Fallback"/>.
    /// </summary>
    public static string FromRootNamespace(string? rootNamespace)
    {
        if (string.IsNullOrWhiteSpace(rootNamespace))
        {
            return Fallback;
        }

        var segments = new List<string>();
        foreach (var part in rootNamespace!.Trim().Split('.'))
        {
            var segment = Segment(part.Trim());
            if (segment.Length > 0)
            {
                segments.Add(segment);
            }
        }

        return segments.Count == 0 ? Fallback : string.Join(".", segments);
    }

    private static string Segment(string part)
    {
        if (part.Length == 0)
        {
            return part;
        }

        var builder = new StringBuilder(part.Length + 1);
        foreach (var c in part)
        {
            builder.Append(IsIdentifierPart(c) ? c : '_');
        }

        if (!IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var text = builder.ToString();
        return NameMapper.IsKeyword(text) ? "@" + text : text;
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c) => c == '_' || char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.LetterNumber or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
}
