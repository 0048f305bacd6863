using System;
using System.Text;

namespace ProducerGen.Generator.Emit;

/// <summary>
/// Builds C# text with an indentation counter (never NormalizeWhitespace: it is slow and
/// changes with Roslyn versions). Lines end with '\n' so output is identical on every OS.
/// </summary>
internal sealed class SourceWriter
{
    // Everything C# reads as the end of a line: a doc comment must never be cut by one hidden in a schema name.
    private static readonly string[] LineBreaks = { "\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029" };

    private readonly StringBuilder _builder = new(4096);
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
        return this;
    }

    public SourceWriter OpenBlock(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes XML doc text, escaped, one <c>///</c> line per source line.</summary>
    public SourceWriter Doc(string tag, string? text, string attributes = "")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        var lines = Escape(text!).Split(LineBreaks, StringSplitOptions.None);
        if (lines.Length == 1)
        {
            return Line($"/// <{tag}{attributes}>{lines[0].Trim()}</{tag}>");
        }

        Line($"/// <{tag}{attributes}>");
        foreach (var line in lines)
        {
            Line("/// " + line.Trim());
        }

        return Line($"/// </{tag}>");
    }

    /// <summary>Writes an XML doc element whose content is already valid XML (e.g. holds a see cref).</summary>
    public SourceWriter DocXml(string tag, string xml) => Line($"/// <{tag}>{OneLine(xml)}</{tag}>");

    /// <summary>
    /// XML-escapes text for a doc comment and drops what XML 1.0 cannot hold even escaped (control characters other
    /// than tab and line breaks, U+FFFE/U+FFFF, lone surrogates), which would otherwise be CS1570 in the generated file.
    /// </summary>
    public static string Escape(string text) =>
        WithoutInvalidXmlCharacters(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string WithoutInvalidXmlCharacters(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var valid = pair || (c >= ' ' && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') || c is '\t' or '\n' or '\r';
            if (!valid)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }

            builder?.Append(c);
            if (pair)
            {
                builder?.Append(text[i + 1]);
                i++;
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>XML-escapes text that must stay on one doc-comment line.</summary>
    public static string EscapeLine(string text) => OneLine(Escape(text));

    private static string OneLine(string text)
    {
        foreach (var lineBreak in LineBreaks)
        {
            text = text.Replace(lineBreak, " ");
        }

        return text;
    }

    public override string ToString() => _builder.ToString();
}
