using System;
using System.Collections.Generic;
using System.IO;
using ProducerGen.Schema.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ProducerGen.Schema.Yaml;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's event parser, iteratively (no recursion, so
/// deep nesting cannot overflow the stack), reporting syntax errors, duplicate keys and limit breaches
/// as diagnostics instead of throwing.
/// </summary>
internal static class YamlTreeBuilder
{
    public static YamlNode? Build(string text, YamlLimits limits, List<SchemaDiagnostic> diagnostics)
    {
        if (text.Length > limits.MaxCharacters)
        {
            diagnostics.Add(Error(
                SchemaDiagnosticIds.DocumentTooLarge,
                $"The schema file has {text.Length:N0} characters; the limit is {limits.MaxCharacters:N0}. Split it into several schema files.",
                SourceRange.Start));
            return null;
        }

        try
        {
            return BuildCore(text, limits, diagnostics);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Error(SchemaDiagnosticIds.MalformedYaml, $"The file is not valid YAML: {Describe(ex)}", RangeOf(ex.Start, ex.End)));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet signals a few malformed inputs with general exceptions; the loader must never throw.
            diagnostics.Add(Error(SchemaDiagnosticIds.MalformedYaml, $"The file is not valid YAML: {ex.Message}", SourceRange.Start));
            return null;
        }
    }

    private static YamlNode? BuildCore(string text, YamlLimits limits, List<SchemaDiagnostic> diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var open = new Stack<Frame>();
        YamlNode? root = null;
        var documents = 0;

        while (parser.MoveNext())
        {
            var current = parser.Current!;
            switch (current)
            {
                case DocumentStart:
                    documents++;
                    if (documents > 1)
                    {
                        diagnostics.Add(Error(
                            SchemaDiagnosticIds.MalformedYaml,
                            "The file holds more than one YAML document ('---'); a schema file describes one API in one document.",
                            RangeOf(current.Start, current.End)));
                        return null;
                    }

                    break;

                case Scalar scalar:
                    var scalarNode = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, RangeOf(scalar.Start, scalar.End));
                    Remember(anchors, scalar.Anchor, scalarNode);
                    if (!Attach(open, scalarNode, ref root, diagnostics))
                    {
                        return null;
                    }

                    break;

                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        diagnostics.Add(Error(SchemaDiagnosticIds.MalformedYaml, $"The alias '*{alias.Value.Value}' names no anchor defined before it.", RangeOf(alias.Start, alias.End)));
                        return null;
                    }

                    if (target is not YamlScalar && open.Count > 0 && open.Peek().ExpectingKey)
                    {
                        diagnostics.Add(Error(SchemaDiagnosticIds.WrongValueKind, "A mapping key must be a plain name, not an alias of a mapping or list.", RangeOf(alias.Start, alias.End)));
                        return null;
                    }

                    if (!Attach(open, target, ref root, diagnostics))
                    {
                        return null;
                    }

                    break;

                case MappingStart mappingStart:
                    var mapping = new YamlMapping(RangeOf(mappingStart.Start, mappingStart.End));
                    if (!Open(open, mapping, mappingStart.Anchor, anchors, limits, diagnostics, ref root))
                    {
                        return null;
                    }

                    break;

                case SequenceStart sequenceStart:
                    var sequence = new YamlSequence(RangeOf(sequenceStart.Start, sequenceStart.End));
                    if (!Open(open, sequence, sequenceStart.Anchor, anchors, limits, diagnostics, ref root))
                    {
                        return null;
                    }

                    break;

                case MappingEnd:
                case SequenceEnd:
                    var closed = open.Pop().Node;
                    closed.Range = Span(closed.Range, RangeOf(current.Start, current.End));
                    if (closed.ExpandedSize > limits.MaxExpandedNodes)
                    {
                        diagnostics.Add(Error(
                            SchemaDiagnosticIds.DocumentTooLarge,
                            $"This part of the file expands to more than {limits.MaxExpandedNodes:N0} nodes once aliases are resolved; anchors and aliases may not multiply the document like this.",
                            closed.Range));
                        return null;
                    }

                    if (!Attach(open, closed, ref root, diagnostics))
                    {
                        return null;
                    }

                    break;
            }
        }

        return root;
    }

    private static bool Open(Stack<Frame> open, YamlNode node, AnchorName anchor, Dictionary<string, YamlNode> anchors, YamlLimits limits, List<SchemaDiagnostic> diagnostics, ref YamlNode? root)
    {
        if (open.Count > 0 && open.Peek().ExpectingKey)
        {
            diagnostics.Add(Error(SchemaDiagnosticIds.WrongValueKind, "A mapping key must be a plain name, not a mapping or list.", node.Range));
            return false;
        }

        if (open.Count >= limits.MaxDepth)
        {
            diagnostics.Add(Error(SchemaDiagnosticIds.DocumentTooLarge, $"The file nests deeper than {limits.MaxDepth} levels.", node.Range));
            return false;
        }

        Remember(anchors, anchor, node);
        open.Push(new Frame(node));
        return true;
    }

    private static bool Attach(Stack<Frame> open, YamlNode node, ref YamlNode? root, List<SchemaDiagnostic> diagnostics)
    {
        if (open.Count == 0)
        {
            root = node;
            return true;
        }

        var parent = open.Peek();
        parent.Node.ExpandedSize = SaturatingAdd(parent.Node.ExpandedSize, node.ExpandedSize);
        switch (parent.Node)
        {
            case YamlSequence sequence:
                sequence.Items.Add(node);
                return true;

            case YamlMapping mapping when parent.ExpectingKey:
                var key = (YamlScalar)node;
                if (!parent.Keys.Add(key.Value))
                {
                    diagnostics.Add(Error(SchemaDiagnosticIds.DuplicateKey, $"The key '{key.Value}' appears twice in this mapping; remove one of them.", key.Range));
                    return false;
                }

                parent.PendingKey = key;
                parent.ExpectingKey = false;
                return true;

            case YamlMapping mapping:
                mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(parent.PendingKey!, node));
                parent.PendingKey = null;
                parent.ExpectingKey = true;
                return true;

            default:
                return true;
        }
    }

    private static void Remember(Dictionary<string, YamlNode> anchors, AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static long SaturatingAdd(long left, long right) => left > long.MaxValue - right ? long.MaxValue : left + right;

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...)"; the diagnostic already carries the position.
        var message = ex.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(marker + 3) : message;
    }

    internal static SourceRange RangeOf(Mark start, Mark end) =>
        new((int)start.Line, (int)start.Column, (int)start.Index, (int)end.Line, (int)end.Column, (int)end.Index);

    private static SourceRange Span(SourceRange start, SourceRange end) =>
        new(start.StartLine, start.StartColumn, start.StartOffset, end.EndLine, end.EndColumn, end.EndOffset);

    private static SchemaDiagnostic Error(string id, string message, SourceRange range) =>
        new(id, SchemaSeverity.Error, message, range);

    private sealed class Frame
    {
        public Frame(YamlNode node)
        {
            Node = node;
            ExpectingKey = node is YamlMapping;
        }

        public YamlNode Node { get; }

        public bool ExpectingKey { get; set; }

        public YamlScalar? PendingKey { get; set; }

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
