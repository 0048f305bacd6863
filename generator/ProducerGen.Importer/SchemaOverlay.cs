using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ProducerGen.Importer;

/// <summary>One overlay entry: a dotted path into the schema and the value to set there.</summary>
/// <param name="Path"><c>models.producer.params.weirdness.step</c>; a segment holding dots is written in brackets (<c>models.[flux-1.1-pro].summary</c>) or matched against existing keys.</param>
/// <param name="Value">The value (a scalar, a list or a mapping).</param>
/// <param name="Line">The entry's line in the overlay file.</param>
public sealed record OverlayEntry(string Path, YNode Value, int Line);

/// <summary>Thrown for an overlay that cannot be read or applied (a path that names nothing).</summary>
public sealed class OverlayException : Exception
{
    public OverlayException(string message)
        : base(message)
    {
    }

    public OverlayException()
    {
    }

    public OverlayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Facts the OpenAPI document lacks, kept in a small YAML file and applied after every import: a top-level
/// mapping from a dotted path to a value. Each entry sets (replaces) or adds one key; every segment but the
/// last must already exist, so a typo or a model the provider removed fails loudly instead of adding junk.
/// </summary>
public sealed class SchemaOverlay
{
    private static readonly string[] ApiOrder = { "name", "namespace", "baseUrl", "auth", "idempotency", "jobs", "webhooks" };
    private static readonly string[] EndpointOrder = { "request", "description", "fields", "result" };
    private static readonly string[] ModelOrder = { "endpoint", "paramsKey", "summary", "description", "averageCompletion", "deprecated", "paramsRequired", "params" };
    private static readonly string[] MemberOrder = { "type", "required", "nullable", "minLength", "maxLength", "pattern", "format", "enum", "min", "max", "step", "minItems", "maxItems", "maxTotalBytes", "items", "properties", "maxBytes", "accept", "style", "default", "in", "deprecated", "description" };
    private static readonly string[] OperationOrder = { "group", "name", "request", "description", "auth", "params", "encoding", "success", "retry", "idempotency", "resource", "job", "discriminator", "fields", "variants", "paginate", "response", "emulate" };

    /// <summary>The prefix of an entry that names an answer type instead of setting a key: <c>typeNames.Me: Account</c>.</summary>
    public const string TypeNamesPrefix = "typeNames.";

    public SchemaOverlay(IEnumerable<OverlayEntry> entries) => Entries = entries.ToList();

    public IReadOnlyList<OverlayEntry> Entries { get; }

    /// <summary>
    /// The <c>typeNames.&lt;Component&gt;: &lt;Type&gt;</c> entries: the importer names that component's answer type so
    /// (<c>Me</c> → <c>Account</c>), and every reference to it. Applied during the import, not to the written tree.
    /// </summary>
    public IReadOnlyDictionary<string, string> TypeNames =>
        Entries.Where(e => e.Path.StartsWith(TypeNamesPrefix, StringComparison.Ordinal) && e.Value is YScalar)
            .ToDictionary(e => e.Path.Substring(TypeNamesPrefix.Length), e => ((YScalar)e.Value).Value, StringComparer.Ordinal);

    /// <summary>Parses overlay text.</summary>
    public static SchemaOverlay Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new OverlayException($"({e.Start.Line},{e.Start.Column}): the overlay is not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new SchemaOverlay(Array.Empty<OverlayEntry>());
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new OverlayException("The overlay must be a mapping from paths to values (e.g. 'models.producer.averageCompletion: 45s').");
        }

        var entries = new List<OverlayEntry>();
        foreach (var pair in root.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { Length: > 0 } path })
            {
                throw new OverlayException($"({pair.Key.Start.Line},{pair.Key.Start.Column}): an overlay key must be a path such as 'models.producer.summary'.");
            }

            entries.Add(new OverlayEntry(path, Convert(pair.Value), (int)pair.Key.Start.Line));
        }

        return new SchemaOverlay(entries);
    }

    private static YNode Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var value = scalar.Value ?? string.Empty;
                if (scalar.Style is ScalarStyle.Plain)
                {
                    if (value is "~" or "null")
                    {
                        return new YScalar(value, ScalarKind.Null);
                    }

                    if (value is "true" or "false")
                    {
                        return new YScalar(value, ScalarKind.Boolean);
                    }

                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.'))
                    {
                        return new YScalar(value, ScalarKind.Number);
                    }
                }

                return new YScalar(value);
            case YamlSequenceNode sequence:
                return new YSeq(sequence.Children.Select(Convert), sequence.Style != SequenceStyle.Block || sequence.Children.All(c => c is YamlScalarNode));
            case YamlMappingNode mapping:
                var map = new YMap(mapping.Style == MappingStyle.Flow);
                foreach (var pair in mapping.Children)
                {
                    map.Add(((YamlScalarNode)pair.Key).Value ?? string.Empty, Convert(pair.Value));
                }

                return map;
            default:
                throw new OverlayException($"({node.Start.Line},{node.Start.Column}): aliases are not supported in an overlay.");
        }
    }

    /// <summary>Applies every entry to <paramref name="schema"/> in file order.</summary>
    public void ApplyTo(YMap schema, string overlayName = "overlay")
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var entry in Entries)
        {
            if (entry.Path.StartsWith(TypeNamesPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var (map, key) = Resolve(schema, entry, overlayName);
            var at = map.Entries.FindIndex(e => e.Key == key);
            if (entry.Value is YScalar { Kind: ScalarKind.Null })
            {
                // '~' removes what the document says but the schema should not (a query flag whose effect is not modelled).
                if (at < 0)
                {
                    throw Fail(entry, overlayName, $"'{key}' does not exist, so there is nothing to remove");
                }

                map.Entries.RemoveAt(at);
                continue;
            }

            if (at >= 0)
            {
                map.Entries[at] = new(key, entry.Value.Clone());
            }
            else
            {
                map.Set(key, entry.Value.Clone(), InsertionIndex(map, key));
            }
        }
    }

    private static (YMap Map, string Key) Resolve(YMap root, OverlayEntry entry, string overlayName)
    {
        var map = root;
        var rest = entry.Path;
        var walked = string.Empty;
        while (true)
        {
            string segment;
            string remaining;
            if (rest.StartsWith('['))
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    throw Fail(entry, overlayName, $"'[' without ']' in the path");
                }

                segment = rest.Substring(1, close - 1);
                remaining = rest.Substring(close + 1).TrimStart('.');
            }
            else
            {
                // The longest existing key that the path continues with (model ids hold dots: flux-1.1-pro).
                var match = map.Entries.Select(e => e.Key)
                    .Where(k => rest == k || rest.StartsWith(k + ".", StringComparison.Ordinal))
                    .OrderByDescending(k => k.Length)
                    .FirstOrDefault();
                if (match is not null)
                {
                    segment = match;
                    remaining = rest.Length > match.Length ? rest.Substring(match.Length + 1) : string.Empty;
                }
                else
                {
                    var dot = rest.IndexOf('.', StringComparison.Ordinal);
                    segment = dot < 0 ? rest : rest.Substring(0, dot);
                    remaining = dot < 0 ? string.Empty : rest.Substring(dot + 1);
                }
            }

            if (remaining.Length == 0)
            {
                return (map, segment);
            }

            walked = walked.Length == 0 ? segment : walked + "." + segment;
            if (map[segment] is not YMap child)
            {
                var what = map.ContainsKey(segment) ? "is not a mapping" : "does not exist in the imported schema";
                throw Fail(entry, overlayName, $"'{walked}' {what}");
            }

            map = child;
            rest = remaining;
        }
    }

    private static OverlayException Fail(OverlayEntry entry, string overlayName, string why) =>
        new($"{overlayName}({entry.Line},1): the overlay path '{entry.Path}' cannot be applied: {why}. Fix or remove the entry (the provider may have renamed or removed it).");

    /// <summary>A new key goes where the format's usual key order puts it (summary before params, step after max).</summary>
    private static int InsertionIndex(YMap map, string key)
    {
        var order = map.ContainsKey("group") ? OperationOrder
            : map.ContainsKey("type") ? MemberOrder
            : map.ContainsKey("paramsKey") || map.ContainsKey("endpoint") ? ModelOrder
            : map.ContainsKey("request") ? EndpointOrder
            : map.ContainsKey("baseUrl") ? ApiOrder
            : null;
        var rank = order is null ? -1 : Array.IndexOf(order, key);
        if (rank < 0)
        {
            return map.Count;
        }

        for (var i = 0; i < map.Count; i++)
        {
            var other = Array.IndexOf(order!, map.Entries[i].Key);
            if (other > rank)
            {
                return i;
            }
        }

        return map.Count;
    }
}
