using System.Threading;
using System.Threading.Tasks;

namespace ProducerGen.AspNetCore;

/// <summary>
/// Handles verified webhook deliveries; mapped with
/// <see cref="WebhookEndpointRouteBuilderExtensions.MapProducerGenWebhook{TOptions, THandler}(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, string, ApiDescription, string?, ProducerGenWebhookOptions?)"/>.
/// A new instance is taken from the request's services for every delivery, so it may depend on scoped services (a <c>DbContext</c>).
/// </summary>
public interface IProducerGenWebhookHandler
{
    /// <summary>Handles one verified delivery not handled before. Throwing answers 500, so the sender retries it.</summary>
    /// <param name="webhook">The verified event.</param>
    /// <param name="cancellationToken">Cancelled when the sender hangs up.</param>
    /// <returns>A task that completes when the delivery is handled.</returns>
    Task HandleAsync(WebhookEvent webhook, CancellationToken cancellationToken);
}
