using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace ProducerGen.Emulator.Tests.Contract;

/// <summary>
/// Issue 18 item 4: every answer the emulator gives on a tour of the provider's API (the 8 generate endpoints, the job in
/// each state, auth, credit, validation, rate-limit and unavailable errors, and the 12 operations on their success and error
/// paths) is checked by an independent validator: Stoplight Prism's proxy of <c>schemas/sources/apiframe-openapi.json</c>
/// (pinned in <c>tests/Shared/Prism</c>). Raw HTTP requests, so the answers are the emulator's own.
/// </summary>
public sealed class ProviderContractTests : IClassFixture<EmulatorBehindPrism>
{
    private const string Key = TestEmulator.Key;
    private const string Image = "https://cdn.example.com/in.png";
    private const string Video = "https://cdn.example.com/in.mp4";

    private readonly EmulatorBehindPrism _setup;
    private readonly ITestOutputHelper _output;
    private readonly List<ProxiedExchange> _exchanges = [];

    public ProviderContractTests(EmulatorBehindPrism setup, ITestOutputHelper output)
    {
        _setup = setup;
        _output = output;
        _output.WriteLine(setup.Timings);
    }

    private TestEmulator T => _setup.Emulator;

    [Fact]
    public async Task The_validator_is_live_a_request_breaking_the_document_is_refused_before_the_emulator()
    {
        var before = T.Stats.Requests;
        var refused = await Send("POST /v2/images/generate", "no prompt", Json(new { model = "midjourney" }));

        // In proxy mode Prism answers the refusal itself (problem+json listing the violations in `validation`, no header).
        Assert.True(refused.Status == 422, refused.Body);
        Assert.Contains("required property 'prompt'", refused.Body, StringComparison.Ordinal);
        Assert.Equal(before, T.Stats.Requests);
    }

    [Fact]
    public async Task Every_answer_of_the_tour_validates_against_the_providers_document()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // --- the 8 generate endpoints, one model each, and the job while pending and once completed ---------------------
        var submissions = new (string Operation, object Body)[]
        {
            ("POST /v2/images/generate", new { prompt = "a lighthouse at dawn", model = "midjourney" }),
            ("POST /v2/images/edit", new { model = "flux-fill-pro", fluxFillParams = new { image = Image, mode = "outpaint", outpaint = "Zoom out 2x", prompt = "extend the sky" } }),
            ("POST /v2/images/upscale", new { model = "topaz-image-upscale", topazUpscaleParams = new { image = Image, upscale_factor = 2 } }),
            ("POST /v2/images/background-remove", new { model = "bria-bg-remove", briaBgRemoveParams = new { image = Image } }),
            ("POST /v2/videos/generate", new { prompt = "waves on a beach", model = "kling-2.1", klingParams = new { duration = 5 } }),
            ("POST /v2/videos/edit", new { prompt = "make it snow", model = "wan-2.7-videoedit", wan27VideoeditParams = new { video = Video, duration = 5 } }),
            ("POST /v2/videos/upscale", new { model = "topaz-video-upscale", topazVideoParams = new { video = Video, target_fps = 30, target_resolution = "1080p" } }),
            ("POST /v2/music/generate", new { prompt = "a calm piano piece", model = "suno" }),
        };
        var jobs = new Dictionary<string, string>();
        foreach (var (operation, body) in submissions)
        {
            var accepted = await Send(operation, "202 accepted", Json(body));
            Assert.True(accepted.Status == 202, $"{accepted}: {accepted.Body}");
            jobs[operation] = Id(accepted, "jobId");
        }

        foreach (var (operation, id) in jobs)
        {
            await Send($"GET /v2/jobs/{id}", $"pending ({operation})");
        }

        T.Time.Advance(TimeSpan.FromMinutes(30));
        foreach (var (operation, id) in jobs)
        {
            var completed = await Send($"GET /v2/jobs/{id}", $"completed ({operation})");
            Assert.Equal("COMPLETED", completed.Json.GetProperty("status").GetString());
        }

        var midjourney = jobs["POST /v2/images/generate"];
        var suno = jobs["POST /v2/music/generate"];

        // --- errors of the job routes ------------------------------------------------------------------------------------
        await SendExpecting(404, $"GET /v2/jobs/{Guid.NewGuid()}", "unknown job");
        await SendExpecting(401, $"GET /v2/jobs/{midjourney}", "unknown key", key: "afk_contract_nobody");
        await SendExpecting(403, $"GET /v2/jobs/{midjourney}", "inactive key", key: EmulatorBehindPrism.InactiveKey);
        await SendExpecting(401, "POST /v2/images/generate", "unknown key", Json(new { prompt = "x", model = "midjourney" }), key: "afk_contract_nobody");
        await SendExpecting(402, "POST /v2/images/generate", "no credits", Json(new { prompt = "x", model = "midjourney" }), key: EmulatorBehindPrism.BrokeKey);
        await SendExpecting(402, "POST /v2/videos/generate", "no credits", Json(new { prompt = "x", model = "kling-2.1" }), key: EmulatorBehindPrism.BrokeKey);
        // Requests the document itself forbids go through the lenient proxy, which forwards them: their request-side
        // violations are the point, the emulator's 400 answers are checked like every other.
        // (Few oneOf branches: a body failing all 50 image models overflows Prism's 8 KB header, which then cannot be read.)
        await SendExpecting(400, "POST /v2/images/background-remove", "validation: params missing", Json(new { model = "bria-bg-remove" }), lenient: true);
        await SendExpecting(400, "POST /v2/images/edit", "validation: params missing", Json(new { model = "flux-fill-pro" }), lenient: true);
        await SendExpecting(400, "POST /v2/music/generate", "validation: idempotency key too long", Json(new { prompt = "x", model = "suno" }), idempotencyKey: new string('k', 300), lenient: true);

        var faults = T.Emulator.Options.Faults;
        faults.FailJobRate = 1;
        var failing = Id(await SendExpecting(202, "POST /v2/images/upscale", "202 for a failing job", Json(submissions[2].Body)), "jobId");
        faults.FailJobRate = 0;
        T.Time.Advance(TimeSpan.FromMinutes(30));
        var failed = await Send($"GET /v2/jobs/{failing}", "failed (fault injection)");
        Assert.Equal("FAILED", failed.Json.GetProperty("status").GetString());

        faults.RateLimitRate = 1;
        await SendExpecting(429, "POST /v2/music/generate", "rate limited", Json(new { prompt = "x", model = "suno" }));
        await SendExpecting(429, $"GET /v2/jobs/{midjourney}", "rate limited");
        faults.RateLimitRate = 0;
        faults.UnavailableRate = 1;
        await SendExpecting(503, "POST /v2/images/generate", "unavailable", Json(new { prompt = "x", model = "midjourney" }));
        faults.UnavailableRate = 0;

        // --- the 12 operations ---------------------------------------------------------------------------------------------
        await SendExpecting(200, "GET /v2/me", "account");
        await SendExpecting(401, "GET /v2/me", "unknown key", key: "afk_contract_nobody");
        await SendExpecting(200, "GET /v2/models", "catalog", key: null);
        await SendExpecting(200, "GET /v2/models?modality=video", "catalog of a modality", key: null);
        await SendExpecting(200, "GET /v2/jobs?limit=2", "job list page");
        await SendExpecting(200, "GET /v2/jobs?status=COMPLETED&model=midjourney&scope=team&limit=5", "job list filtered");
        await SendExpecting(401, "GET /v2/jobs", "unknown key", key: "afk_contract_nobody");

        var upload = await SendExpecting(201, "POST /v2/uploads", "upload", Form([], [("file", "in.gif", "image/gif", AsciiFile.Gif)]));
        Assert.StartsWith("http", upload.Json.GetProperty("url").GetString(), StringComparison.Ordinal);
        await SendExpecting(400, "POST /v2/uploads", "upload of a type it refuses", Form([], [("file", "notes.txt", "text/plain", "just some text, not media"u8.ToArray())]));

        var asset = Id(await SendExpecting(201, "POST /v2/assets/create", "asset", Json(new { url = Image, type = "image" })), "assetId");
        await SendExpecting(200, $"GET /v2/assets/{asset}", "asset");
        await SendExpecting(404, "GET /v2/assets/asset_contract_unknown", "unknown asset");

        var training = Form([("name", "contract style"), ("subjectKind", "style")], Enumerable.Range(1, 15).Select(i => ("images", $"i{i}.webp", "image/webp", AsciiFile.WebP)));
        var lora = Id(await SendExpecting(202, "POST /v2/loras", "training", training, lenient: true), "id");
        await SendExpecting(200, $"GET /v2/loras/{lora}", "pending");
        T.Time.Advance(TimeSpan.FromMinutes(5));
        await SendExpecting(200, $"GET /v2/loras/{lora}", "ready");
        await SendExpecting(200, "GET /v2/loras?limit=1", "list");
        await SendExpecting(200, "GET /v2/loras?includeArchived=true", "list with archived");
        await SendExpecting(204, $"DELETE /v2/loras/{lora}", "delete");
        await SendExpecting(404, $"GET /v2/loras/{Guid.NewGuid()}", "unknown");
        await SendExpecting(404, $"DELETE /v2/loras/{Guid.NewGuid()}", "unknown");

        const string mj = "POST /v2/images/midjourney/action";
        var upsample = Id(await SendExpecting(202, mj, "upsample", Json(new { action = "upsample", parentJobId = midjourney, index = 2 })), "jobId");
        await SendExpecting(409, mj, "parent not finished", Json(new { action = "outpaint", parentJobId = upsample, zoomRatio = 2 }));
        await SendExpecting(404, mj, "unknown parent", Json(new { action = "variation", parentJobId = Guid.NewGuid(), index = 1 }));
        await SendExpecting(400, mj, "validation: index out of range", Json(new { action = "upsample", parentJobId = midjourney, index = 5 }), lenient: true);
        T.Time.Advance(TimeSpan.FromMinutes(30));
        await SendExpecting(202, mj, "outpaint of the upsample", Json(new { action = "outpaint", parentJobId = upsample, zoomRatio = 2 }));

        const string sa = "POST /v2/music/suno/action";
        var stems = Id(await SendExpecting(202, sa, "stems", Json(new { action = "stems", parentJobId = suno, index = 1 })), "jobId");
        await SendExpecting(202, sa, "extend", Json(new { action = "extend", parentJobId = suno, index = 1, continueAt = 30 }));
        T.Time.Advance(TimeSpan.FromMinutes(30));
        await SendExpecting(409, sa, "a stems split takes no action", Json(new { action = "cover", parentJobId = stems }));
        await SendExpecting(404, sa, "unknown parent", Json(new { action = "stems", parentJobId = Guid.NewGuid() }));
        await SendExpecting(404, sa, "another caller's parent", Json(new { action = "stems", parentJobId = suno }), key: EmulatorBehindPrism.OtherKey);

        // --- the verdict ---------------------------------------------------------------------------------------------------
        var gaps = new ProviderDocumentGaps();
        var drift = new List<string>();
        foreach (var exchange in _exchanges)
        {
            var route = OperationOf(exchange.Operation);
            var reported = exchange.Violations.Where(v => !(exchange.InvalidOnPurpose && !v.IsResponse) && !gaps.Allows(route, exchange.Status, v)).ToList();
            _output.WriteLine($"{exchange}{(exchange.Violations.Count == 0 ? "" : "  " + string.Join("; ", exchange.Violations.Select(v => $"{v.Severity} {v.Location}: {v.Message}")))}");
            drift.AddRange(reported.Select(v => $"{exchange}: {v.Severity} {v.Location}: {v.Message}  body: {Cut(exchange.Body)}"));
        }

        _output.WriteLine($"{_exchanges.Count} answers through Prism in {clock.Elapsed.TotalSeconds:F1} s, {drift.Count} violations outside the allow-list");
        Assert.True(drift.Count == 0, $"{drift.Count} violations of the provider's document:\n" + string.Join("\n", drift));
        var unused = gaps.Unused().ToList();
        Assert.True(unused.Count == 0, "Allow-list entries no answer needed (remove them):\n" + string.Join("\n", unused));
        Assert.True(_exchanges.Select(e => OperationOf(e.Operation)).Distinct().Count() == 21, "the tour must cover every operation of the document");
    }

    // --- helpers ------------------------------------------------------------------------------------------------------------

    private async Task<ProxiedExchange> SendExpecting(int status, string operation, string label, HttpContent? content = null, string? key = Key, string? idempotencyKey = null, bool lenient = false)
    {
        var exchange = await Send(operation, label, content, key, idempotencyKey, lenient);
        if (exchange.Violations.Any(v => v.IsResponse && v.Severity == "Error"))
        {
            return exchange; // Prism replaced the answer with its 500: the verdict lists it with every other violation
        }

        Assert.True(exchange.Status == status, $"{exchange} (expected {status}): {exchange.Body} {string.Join("; ", exchange.Violations.Select(v => v.Location + ": " + v.Message))}");
        return exchange;
    }

    /// <summary>Sends "METHOD /path?query" through a proxy and records the answer and Prism's violations.</summary>
    private async Task<ProxiedExchange> Send(string operation, string label, HttpContent? content = null, string? key = Key, string? idempotencyKey = null, bool lenient = false)
    {
        var space = operation.IndexOf(' ', StringComparison.Ordinal);
        var proxy = lenient ? _setup.Lenient : _setup.Strict;
        using var http = new HttpClient { BaseAddress = proxy.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(new HttpMethod(operation[..space]), operation[(space + 2)..]) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        HttpResponseMessage sent;
        try
        {
            sent = await http.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            var log = proxy.Log;
            throw new Xunit.Sdk.XunitException($"{operation} [{label}]: Prism gave no answer ({e.Message}; exited: {proxy.HasExited}); its last output:\n{log[Math.Max(0, log.Length - 3000)..]}");
        }

        using var response = sent;
        var body = await response.Content.ReadAsStringAsync();
        var header = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
        var exchange = new ProxiedExchange(operation, label, (int)response.StatusCode, body, PrismViolation.Parse(header))
        {
            InvalidOnPurpose = label.StartsWith("validation", StringComparison.Ordinal),
        };
        _exchanges.Add(exchange);
        content?.Dispose();
        return exchange;
    }

    /// <summary>The document's operation of a concrete request: <c>GET /v2/jobs/{id}</c> for <c>GET /v2/jobs/9d2…</c>.</summary>
    private static string OperationOf(string request)
    {
        var path = request.Split('?')[0];
        var parts = path.Split('/');
        if (parts.Length == 4 && parts[2] is "jobs" or "loras" or "assets")
        {
            parts[3] = parts[2] == "assets" ? "{assetId}" : "{id}";
        }

        return string.Join('/', parts);
    }

    private static string Id(ProxiedExchange exchange, string property) =>
        exchange.Json.ValueKind == JsonValueKind.Object && exchange.Json.TryGetProperty(property, out var id) ? id.GetString()! : throw new Xunit.Sdk.XunitException($"{exchange} has no {property}: {exchange.Body} {string.Join("; ", exchange.Violations.Select(v => v.Location + ": " + v.Message))}");

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Form(IEnumerable<(string Name, string Value)> texts, IEnumerable<(string Name, string FileName, string Type, byte[] Bytes)> files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in texts)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            // Quoted: .NET leaves a plain file name unquoted, which Prism 5.16's multipart parser (parse-multipart-data)
            // feeds to JSON.parse and crashes on, taking the proxy down.
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"", FileName = $"\"{fileName}\"" };
            form.Add(part);
        }

        return form;
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
