using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;
using ProducerGen.Benchmarks.Peers.Kiota;
using KiotaModels = ProducerGen.Benchmarks.Peers.Kiota.Models;
using NSwagPeer = ProducerGen.Benchmarks.Peers.NSwag;

namespace ProducerGen.Benchmarks.RequestPath;

/// <summary>
/// The Producer request of <see cref="RequestPathBenchmarks"/> built with the peers' generated models (NSwag from the Producer subset of
/// the provider's document, Kiota from the whole document; see <c>Peers/regenerate.sh</c>), and their clients over a handler.
/// Neither peer validates ranges, lengths or steps before sending.
/// </summary>
public static class PeerClients
{
    private const string Prompt = "an upbeat synthwave track with a driving bassline";

    /// <summary>The request as NSwag's generated model.</summary>
    public static NSwagPeer.GenerateMusicRequest NSwagRequest() => new()
    {
        Model = NSwagPeer.GenerateMusicRequestModel.Producer,
        Prompt = Prompt,
        WebhookUrl = new Uri("https://example.com/hooks/apiframe"),
        WebhookEvents = [NSwagPeer.WebhookEvents.Completed, NSwagPeer.WebhookEvents.Failed],
        ProducerParams = new NSwagPeer.ProducerParams
        {
            Model_version = NSwagPeer.ProducerParamsModel_version.FUZZ_2_PRO,
            Instrumental = false,
            Title = "Night Drive",
            Seed = "demo-1",
            Lyrics_strength = 0.5,
            Sound_strength = 0.7,
            Weirdness = 0.35,
        },
    };

    /// <summary>The request as Kiota's generated model (the composed <c>oneOf</c> wrapper holding its Producer member).</summary>
    public static KiotaModels.GenerateMusicRequest KiotaRequest() => new()
    {
        GenerateMusicRequestMember3 = new KiotaModels.GenerateMusicRequestMember3
        {
            Model = KiotaModels.GenerateMusicRequestMember3_model.Producer,
            Prompt = Prompt,
            WebhookUrl = "https://example.com/hooks/apiframe",
            WebhookEvents = [KiotaModels.GenerateMusicRequestMember3_webhookEvents.Completed, KiotaModels.GenerateMusicRequestMember3_webhookEvents.Failed],
            ProducerParams = new KiotaModels.GenerateMusicRequestMember3_producerParams
            {
                ModelVersion = KiotaModels.GenerateMusicRequestMember3_producerParams_model_version.FUZZ_2_PRO,
                Instrumental = false,
                Title = "Night Drive",
                Seed = "demo-1",
                LyricsStrength = 0.5,
                SoundStrength = 0.7,
                Weirdness = 0.35,
            },
        },
    };

    /// <summary>NSwag's serialization, as its <c>GenerateAsync</c> runs it (<c>SerializeToUtf8Bytes</c> with the client's options).</summary>
    public static byte[] NSwagSerialize(NSwagPeer.GenerateMusicRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, NSwagOptions.Value);

    /// <summary>Kiota's serialization, as its request adapter runs it (a <see cref="JsonSerializationWriter"/> and its content stream).</summary>
    public static byte[] KiotaSerialize(KiotaModels.GenerateMusicRequest request)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, request);
        using var content = writer.GetSerializedContent();
        using var bytes = new MemoryStream();
        content.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>NSwag's client over <paramref name="http"/> (its BaseAddress is used), sending <paramref name="apiKey"/>.</summary>
    public static NSwagPeer.ApiframeNSwagClient NSwagClient(HttpClient http, string apiKey) => new(http) { ApiKey = apiKey };

    /// <summary>
    /// Kiota's client as its documentation sets it up: <see cref="KiotaClientFactory"/>'s default middleware (retry, redirect,
    /// user agent, headers inspection, ...) in front of <paramref name="finalHandler"/>, and an API-key authentication provider.
    /// </summary>
    public static ApiframeKiotaClient KiotaClient(HttpMessageHandler finalHandler, Uri baseAddress, string apiKey, out HttpClient http)
    {
        http = KiotaClientFactory.Create(finalHandler);
        var auth = new ApiKeyAuthenticationProvider(apiKey, "X-API-Key", ApiKeyAuthenticationProvider.KeyLocation.Header);
        var adapter = new HttpClientRequestAdapter(auth, httpClient: http) { BaseUrl = baseAddress.ToString().TrimEnd('/') };
        return new ApiframeKiotaClient(adapter);
    }

    /// <summary>One Kiota submission with a fresh idempotency key (a header the generated builder leaves to the caller).</summary>
    public static Task<KiotaModels.JobAccepted?> KiotaSubmitAsync(ApiframeKiotaClient client, CancellationToken cancellationToken = default) =>
        client.V2.Music.Generate.PostAsync(KiotaRequest(), c => c.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N")), cancellationToken);

    private static readonly Lazy<JsonSerializerOptions> NSwagOptions = new(() =>
    {
        // The options the client builds (CreateSerializerSettings is private): defaults plus the enum converter above.
        var options = new JsonSerializerOptions();
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    });
}
