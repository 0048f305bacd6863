using System.Text.Json;

namespace ProducerGen.Emulator.Operations;

/// <summary>Bodies saved by a <c>store</c> operation, by caller and id, answered by a <c>fetch</c> operation. Thread-safe.</summary>
internal sealed class AssetStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string ApiKey, string Id), JsonElement> _assets = new();

    public string Add(string apiKey, JsonElement body)
    {
        var id = Guid.NewGuid().ToString("D");
        lock (_gate)
        {
            _assets[(apiKey, id)] = body.Clone();
        }

        return id;
    }

    public JsonElement? Find(string apiKey, string id)
    {
        lock (_gate)
        {
            return _assets.TryGetValue((apiKey, id), out var body) ? body : null;
        }
    }
}
