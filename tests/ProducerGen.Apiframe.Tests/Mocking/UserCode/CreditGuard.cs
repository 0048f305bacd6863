using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;

namespace ProducerGen.Apiframe.Tests.Mocking.UserCode;

/// <summary>User code over an operation group: checks the team's balance before an expensive run.</summary>
internal sealed class CreditGuard(ApiframeClient client)
{
    public async Task<bool> CanAffordAsync(long credits, CancellationToken cancellationToken = default)
        => (await client.Account.GetAsync(cancellationToken: cancellationToken)).Team?.Credits >= credits;
}
