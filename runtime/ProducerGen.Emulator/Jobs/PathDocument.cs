using System.Globalization;
using System.Text.Json;

namespace ProducerGen.Emulator.Jobs;

/// <summary>
/// A JSON answer built from values placed at response paths (<c>data.taskId</c>, <c>images[0].url</c>, <c>$</c>), the
/// syntax schemas use to say where a job's facts are; written with members in the order they were first set.
/// </summary>
internal sealed class PathDocument
{
    private readonly Node _root = new();

    /// <summary>Places a value at <paramref name="path"/>; <c>$</c> makes it the whole document (an object it writes is merged with nothing).</summary>
    public void Set(string path, Action<Utf8JsonWriter> value)
    {
        var node = _root;
        if (path != "$")
        {
            foreach (var part in path.Split('.'))
            {
                var bracket = part.IndexOf('[', StringComparison.Ordinal);
                node = node.Member(bracket < 0 ? part : part[..bracket]);
                var rest = bracket < 0 ? string.Empty : part[bracket..];
                while (rest.Length > 0)
                {
                    var close = rest.IndexOf(']', StringComparison.Ordinal);
                    node = node.Item(int.Parse(rest.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture));
                    rest = rest[(close + 1)..];
                }
            }
        }

        node.Value = value;
    }

    public void SetString(string path, string? text) => Set(path, w => { if (text is null) { w.WriteNullValue(); } else { w.WriteStringValue(text); } });

    public void WriteTo(Utf8JsonWriter writer) => _root.WriteTo(writer);

    private sealed class Node
    {
        private List<(string Name, Node Node)>? _members;
        private List<Node?>? _items;

        public Action<Utf8JsonWriter>? Value { get; set; }

        public Node Member(string name)
        {
            _members ??= new();
            foreach (var (existing, node) in _members)
            {
                if (existing == name)
                {
                    return node;
                }
            }

            var created = new Node();
            _members.Add((name, created));
            return created;
        }

        public Node Item(int index)
        {
            _items ??= new();
            while (_items.Count <= index)
            {
                _items.Add(null);
            }

            return _items[index] ??= new Node();
        }

        public void WriteTo(Utf8JsonWriter writer)
        {
            if (Value is { } value)
            {
                value(writer);
            }
            else if (_items is not null)
            {
                writer.WriteStartArray();
                foreach (var item in _items)
                {
                    if (item is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        item.WriteTo(writer);
                    }
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteStartObject();
                foreach (var (name, node) in _members ?? [])
                {
                    writer.WritePropertyName(name);
                    node.WriteTo(writer);
                }

                writer.WriteEndObject();
            }
        }
    }
}
