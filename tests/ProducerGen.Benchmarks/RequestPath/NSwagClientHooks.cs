using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProducerGen.Benchmarks.Peers.NSwag;

/// <summary>
/// The two partial hooks a user of the NSwag client writes (NSwag adds no header for an <c>apiKey</c> security scheme, and
/// its System.Text.Json flavour serializes the enum items of a list as numbers, <c>"webhookEvents":[1,2]</c>, unless given a
/// converter; camel case gives this document's values, <c>"completed"</c>).
/// </summary>
public partial class ApiframeNSwagClient
{
    /// <summary>The key sent as <c>X-API-Key</c> on every request.</summary>
    public string? ApiKey { get; set; }

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => settings.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url) =>
        request.Headers.TryAddWithoutValidation("X-API-Key", ApiKey);
}
