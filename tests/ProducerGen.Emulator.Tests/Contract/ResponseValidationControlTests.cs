namespace ProducerGen.Emulator.Tests.Contract;

/// <summary>The negative control of the tour's response side: an answer breaking the document does not pass unnoticed.</summary>
public sealed class ResponseValidationControlTests : IClassFixture<DriftingUpstream>
{
    private readonly DriftingUpstream _upstream;

    public ResponseValidationControlTests(DriftingUpstream upstream) => _upstream = upstream;

    [Fact]
    public async Task A_drifting_answer_is_replaced_by_a_500_naming_the_response_violation()
    {
        using var http = new HttpClient { BaseAddress = _upstream.Proxy.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/me");
        request.Headers.Add("X-API-Key", TestEmulator.Key);
        using var response = await http.SendAsync(request);

        // prism-http's VIOLATIONS error ("Request/Response not valid"), status 500.
        Assert.Equal(500, (int)response.StatusCode);
        Assert.Contains("errors#VIOLATIONS", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.TryGetValues("sl-violations", out var values), "Prism named no violation");
        var violations = PrismViolation.Parse(string.Join(" ", values));
        Assert.Contains(violations, v => v.IsResponse && v.Severity == "Error" && v.Location.StartsWith("response.body", StringComparison.Ordinal));
    }
}
