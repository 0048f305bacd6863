using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.Apiframe.Tests.Contract;

/// <summary>One request the client sent and Prism's verdict on it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query sent.</param>
/// <param name="Status">The answer's status code.</param>
/// <param name="Violations">Prism's <c>sl-violations</c> header, or <see langword="null"/> when the request was valid.</param>
/// <param name="Body">The answer's body.</param>
/// <param name="RequestBody">The request's body as text (empty without one).</param>
internal sealed record Exchange(string Method, string Path, int Status, string? Violations, string Body, string RequestBody)
{
    /// <summary>True when Prism's validator rejected the request.</summary>
    public bool IsViolation => Violations is not null || Status == 422;

    /// <summary>The messages of Prism's violations (its <c>sl-violations</c> header is a JSON array of them).</summary>
    public IReadOnlyList<string> ViolationMessages()
    {
        if (Violations is null)
        {
            return Status == 422 ? ["HTTP 422"] : [];
        }

        try
        {
            using var document = JsonDocument.Parse(Violations);
            return document.RootElement.EnumerateArray().Select(v => v.GetProperty("message").GetString() ?? "").ToList();
        }
        catch (JsonException)
        {
            return [Violations]; // e.g. "Too many violations! [...]": not one Prism would list for a valid request
        }
    }
}

/// <summary>Records every exchange between the generated client and Prism, below the runtime (so retries show too).</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<Exchange> _exchanges = [];

    public RecordingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>The exchanges so far, in order.</summary>
    public IReadOnlyList<Exchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.ToList();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
        // Buffer the body so it can be read here and by the runtime.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        lock (_exchanges)
        {
            _exchanges.Add(new Exchange(request.Method.Method, request.RequestUri!.PathAndQuery, (int)response.StatusCode, violations, body, requestBody));
        }

        return response;
    }
}
