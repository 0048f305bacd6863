using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.Providers.Tests.Support;

/// <summary>One request as the generated client sent it: everything a replay test asserts, captured before the handler answers.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body)
{
    public string PathAndQuery => Uri.PathAndQuery;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>One documented answer, served in turn.</summary>
public sealed record ReplayResponse(HttpStatusCode Status, string Body, string ContentType = "application/json");

/// <summary>
/// Answers the generated client's requests with documented responses, in order, and records each request. A request past
/// the last answer fails the test (the client asked for more than the documented exchange holds).
/// </summary>
public sealed class ReplayHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<ReplayResponse> _responses;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public ReplayHandler(params ReplayResponse[] responses) => _responses = new ConcurrentQueue<ReplayResponse>(responses);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int Unanswered => _responses.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.ToString(), body));

        if (!_responses.TryDequeue(out var answer))
        {
            throw new InvalidOperationException($"No documented answer left for {request.Method} {request.RequestUri}.");
        }

        return new HttpResponseMessage(answer.Status)
        {
            RequestMessage = request,
            Content = new StringContent(answer.Body, Encoding.UTF8, new MediaTypeHeaderValue(answer.ContentType)),
        };
    }
}
