using System;
using System.Text;

namespace ProducerGen.Generator.Emit;

/// <summary>
/// Builds C# text with an indentation counter (never NormalizeWhitespace: it is slow and
/// changes with Roslyn versions). Lines end with '\n' so output is identical on every OS.
/// </summary>
internal sealed class SourceWriter
{
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

        var lines = Escape(text!).Replace("\r\n", "\n").Split('\n');
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
    public SourceWriter DocXml(string tag, string xml) => Line($"/// <{tag}>{xml}</{tag}>");

    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
