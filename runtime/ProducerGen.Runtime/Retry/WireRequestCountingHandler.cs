using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen;

/// <summary>The innermost handler of a registered client: counts every request that reaches the primary handler into its call's <see cref="WireRequestCount"/>.</summary>
internal sealed class WireRequestCountingHandler(string? retryLayer) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(WireRequestCount.Key, out var count))
        {
            count.Increment();
            count.RetryLayer ??= retryLayer;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
