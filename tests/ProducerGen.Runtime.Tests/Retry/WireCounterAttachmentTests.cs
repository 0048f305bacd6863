using System.Collections.Generic;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// Issue 20: only clients from <c>Add{Client}</c>, whose pipeline has the counting handler, attach the wire-request counter; a
/// client over an HttpClient of its own sends requests with no options at all (the dictionary was ~200 B per request).
/// </summary>
public sealed class WireCounterAttachmentTests
{
    [Fact]
    public async Task A_client_over_its_own_HttpClient_sends_requests_without_the_counter()
    {
        var optionCounts = new List<int>();
        using var handler = new InspectingHandler(request => optionCounts.Add(((IDictionary<string, object?>)request.Options).Count));
        using var client = new ProducerGenClient(TestApi.Api, TestApi.Options(TimeProvider.System), new HttpClient(handler));

        await client.SubmitAsync(TestApi.Producer, new TestRequest("x"));

        Assert.Equal([0], optionCounts);
    }

    [Fact]
    public async Task Options_marked_by_a_registration_make_every_request_carry_the_counter()
    {
        var optionCounts = new List<int>();
        using var handler = new InspectingHandler(request => optionCounts.Add(((IDictionary<string, object?>)request.Options).Count));
        var options = TestApi.Options(TimeProvider.System);
        options.CountsWireRequests = true; // what Add{Client} sets
        using var client = new ProducerGenClient(TestApi.Api, options, new HttpClient(handler));

        await client.SubmitAsync(TestApi.Producer, new TestRequest("x"));

        Assert.Equal([1], optionCounts);
    }

    private sealed class InspectingHandler(Action<HttpRequestMessage> inspect) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            inspect(request);
            return Task.FromResult(Responses.Accepted());
        }
    }
}
