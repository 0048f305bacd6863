using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.Runtime.Tests;

/// <summary>One request as the fake handler saw it.</summary>
public sealed record RecordedRequest(HttpRequestMessage Message, HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[]? Body, DateTimeOffset At)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);
}

/// <summary>A fake handler: records every request (method, uri, headers, body) and answers from a responder.</summary>
public sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly TimeProvider _time;

    public FakeHttpHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond, TimeProvider? time = null)
    {
        _respond = respond;
        _time = time ?? TimeProvider.System;
    }

    public FakeHttpHandler(Func<RecordedRequest, HttpResponseMessage> respond, TimeProvider? time = null)
        : this((r, _) => Task.FromResult(respond(r)), time)
    {
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public List<RecordedRequest> RequestList => Requests.ToList();

    /// <summary>Answers with the given responses in turn (the last one repeats).</summary>
    public static FakeHttpHandler Sequence(TimeProvider? time, params Func<HttpResponseMessage>[] responses)
    {
        var index = -1;
        return new FakeHttpHandler(_ =>
        {
            var i = Math.Min(Interlocked.Increment(ref index), responses.Length - 1);
            return responses[i]();
        }, time);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        byte[]? body = null;
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        var recorded = new RecordedRequest(request, request.Method, request.RequestUri!, headers, body, _time.GetUtcNow());
        Requests.Enqueue(recorded);
        var response = await _respond(recorded, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}

public static class Responses
{
    public static HttpResponseMessage Json(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    }

    public static HttpResponseMessage Text(HttpStatusCode status, string text)
        => new(status) { Content = new StringContent(text, Encoding.UTF8, "text/html") };

    public static HttpResponseMessage Accepted(string jobId = "job-1", string status = "QUEUED")
        => Json(HttpStatusCode.Accepted, $$"""{"jobId":"{{jobId}}","status":"{{status}}"}""");

    public static HttpResponseMessage Status(int status, string json = """{"error":"nope"}""", Action<HttpResponseMessage>? configure = null)
        => Json((HttpStatusCode)status, json, configure);

    public static HttpResponseMessage JobJson(string id, string status, int? progress = null, string result = "null", string? error = null)
        => Json(HttpStatusCode.OK, $$"""{"id":"{{id}}","status":"{{status}}","model":"producer","progress":{{(progress?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")}},"error":{{(error is null ? "null" : $"\"{error}\"")}},"creditCost":12,"webhookStatus":null,"createdAt":"2026-01-01T00:00:00Z","completedAt":null,"expired":false,"result":{{result}}}""");
}
