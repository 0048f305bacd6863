using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProducerGen.AspNetCore;

/// <summary>
/// The verifier an endpoint checks deliveries with: fixed, or keyed by a client's options and rebuilt when those options change
/// (<see cref="IOptionsMonitor{TOptions}"/>), so a rotated API key is honoured without restarting the app.
/// </summary>
internal sealed class WebhookVerifierSource
{
    private WebhookVerifier _current;

    private WebhookVerifierSource(WebhookVerifier verifier) => _current = verifier;

    /// <summary>The verifier to check the next delivery with.</summary>
    public WebhookVerifier Current => Volatile.Read(ref _current);

    /// <summary>A verifier that never changes.</summary>
    public static WebhookVerifierSource Fixed(WebhookVerifier verifier) => new(verifier);

    /// <summary>
    /// For <see cref="WebhookSignatureScheme.ApiKeyHmac"/> without <see cref="ProducerGenWebhookOptions.Secrets"/>: the API key of the
    /// <typeparamref name="TOptions"/> named <paramref name="optionsName"/>, else the schema's environment variable, as the client takes it;
    /// followed when the options change. For other schemes, the webhook options' secrets (or the schema's <c>secretEnv</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No API key is configured: said now, at mapping time, not on the first delivery.</exception>
    public static WebhookVerifierSource FromClientOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceProvider services, string pattern, ApiDescription api, string optionsName, ProducerGenWebhookOptions options, TimeProvider? time, ILogger logger)
        where TOptions : ProducerGenClientOptions
    {
        var scheme = api.WebhookSigning?.Scheme ?? WebhookSignatureScheme.ApiKeyHmac;
        if (scheme != WebhookSignatureScheme.ApiKeyHmac || options.Secrets.Count > 0)
        {
            return Fixed(new WebhookVerifier(api, options.Secrets, time));
        }

        var monitor = services.GetService<IOptionsMonitor<TOptions>>();
        var key = monitor is null ? null : ApiKeyOf(api, monitor.Get(optionsName));
        if (key is null)
        {
            var named = optionsName.Length == 0 ? string.Empty : $" (options named '{optionsName}')";
            var where = api.AuthEnvironmentVariable is { } variable ? $" or the {variable} environment variable" : string.Empty;
            throw new InvalidOperationException(
                $"No API key for the webhook endpoint {pattern} of API {api.Name}: set {typeof(TOptions).Name}.ApiKey{named}{where}, e.g. with services.Configure<{typeof(TOptions).Name}>(...).");
        }

        var source = new WebhookVerifierSource(new WebhookVerifier(api, new[] { key }, time));
        var currentKey = key;
        monitor!.OnChange((changed, name) =>
        {
            if (!string.Equals(name ?? Options.DefaultName, optionsName, StringComparison.Ordinal))
            {
                return;
            }

            var changedKey = ApiKeyOf(api, changed);
            if (changedKey is null)
            {
                // Dropping every delivery because a reload lost the key would be worse than checking with the key that worked.
                WebhookLog.KeyChangeIgnored(logger, pattern, typeof(TOptions).Name, null);
                return;
            }

            if (!string.Equals(changedKey, Volatile.Read(ref currentKey), StringComparison.Ordinal))
            {
                Volatile.Write(ref currentKey, changedKey);
                Volatile.Write(ref source._current, new WebhookVerifier(api, new[] { changedKey }, time));
                WebhookLog.KeyChanged(logger, pattern, typeof(TOptions).Name, null);
            }
        });
        return source;
    }

    private static string? ApiKeyOf(ApiDescription api, ProducerGenClientOptions options)
    {
        var key = options.ApiKey;
        if (string.IsNullOrWhiteSpace(key) && api.AuthEnvironmentVariable is { } variable)
        {
            key = Environment.GetEnvironmentVariable(variable);
        }

        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }
}
