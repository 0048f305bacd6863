using System.Text.Json;

namespace ProducerGen.Emulator.Tests.Contract;

/// <summary>One violation Prism reported in its <c>sl-violations</c> header.</summary>
/// <param name="Location">Where: <c>request.body.prompt</c>, <c>response.body.result</c>, … (the first segment says which side).</param>
/// <param name="Message">Prism's message.</param>
/// <param name="Severity"><c>Error</c> or <c>Warning</c> (an undocumented non-2xx status is a warning).</param>
internal sealed record PrismViolation(string Location, string Message, string Severity)
{
    /// <summary>True for a violation of the answer (the emulator's), false for one of the request (the test's).</summary>
    public bool IsResponse => Location.StartsWith("response", StringComparison.Ordinal);

    /// <summary>Parses the header: a JSON array of <c>{ location: [...], message, severity }</c>.</summary>
    public static IReadOnlyList<PrismViolation> Parse(string? header)
    {
        if (header is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(header);
            return document.RootElement.EnumerateArray().Select(v => new PrismViolation(
                string.Join('.', v.TryGetProperty("location", out var l) ? l.EnumerateArray().Select(p => p.ToString()) : []),
                v.GetProperty("message").GetString() ?? "",
                v.TryGetProperty("severity", out var s) ? s.GetString() ?? "" : "")).ToList();
        }
        catch (JsonException)
        {
            return [new PrismViolation("response", header, "Error")]; // "Too many violations! [...]"
        }
    }
}

/// <summary>One request sent through Prism's proxy and the emulator's answer as Prism passed it on.</summary>
/// <param name="Operation">The document's operation, <c>POST /v2/images/generate</c>.</param>
/// <param name="Case">What the request exercises (<c>402 no credits</c>).</param>
/// <param name="Status">The status the caller got.</param>
/// <param name="Body">The answer's body.</param>
/// <param name="Violations">What Prism reported.</param>
internal sealed record ProxiedExchange(string Operation, string Case, int Status, string Body, IReadOnlyList<PrismViolation> Violations)
{
    /// <summary>The answer as JSON (<see cref="JsonValueKind.Undefined"/> when empty or not JSON).</summary>
    public JsonElement Json
    {
        get
        {
            try
            {
                return Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement.Clone();
            }
            catch (JsonException)
            {
                return default;
            }
        }
    }

    /// <summary>True when the request breaks the document on purpose (a validation case): its request-side violations are expected.</summary>
    public bool InvalidOnPurpose { get; init; }

    public override string ToString() => $"{Operation} [{Case}] -> {Status}";
}
