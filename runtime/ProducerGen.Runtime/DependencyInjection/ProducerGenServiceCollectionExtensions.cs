using System;
using System.ComponentModel;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProducerGen;

/// <summary>Registers generated clients with <see cref="IServiceCollection"/> and <c>IHttpClientFactory</c>.</summary>
public static class ProducerGenServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> as a typed <see cref="System.Net.Http.HttpClient"/> client configured by <typeparamref name="TOptions"/>.
    /// The primary handler never follows redirects (so the API key never reaches another host) and <see cref="System.Net.Http.HttpClient.Timeout"/>
    /// is left to the runtime's per-attempt timeout. Unset <see cref="ProducerGenClientOptions.LoggerFactory"/> and a default
    /// <see cref="ProducerGenClientOptions.TimeProvider"/> are filled from the container.
    /// </summary>
    /// <typeparam name="TClient">The generated client.</typeparam>
    /// <typeparam name="TOptions">The generated options.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options; may be <see langword="null"/> when they are bound elsewhere (e.g. <c>services.Configure&lt;TOptions&gt;(section)</c>).</param>
    /// <param name="factory">Creates the client from the factory's <see cref="System.Net.Http.HttpClient"/>, the options and the container.</param>
    /// <returns>The builder, to add handlers (e.g. <c>AddStandardResilienceHandler</c>; then set <c>Retry.MaxRetries = 0</c>).</returns>
    [EditorBrowsable(EditorBrowsableState.Never)] // Generated Add{Api}Client methods call it.
    public static IHttpClientBuilder AddProducerGenClient<TClient, TOptions>(
        this IServiceCollection services,
        Action<TOptions>? configure,
        Func<System.Net.Http.HttpClient, TOptions, IServiceProvider, TClient> factory)
        where TClient : class
        where TOptions : ProducerGenClientOptions, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);

        var optionsBuilder = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.AddSingleton<IPostConfigureOptions<TOptions>>(static sp => new FillFromContainer<TOptions>(sp));

        return services
            .AddHttpClient<TClient, TClient>((System.Net.Http.HttpClient http, IServiceProvider sp) => factory(http, sp.GetRequiredService<IOptions<TOptions>>().Value, sp))
            .ConfigureHttpClient(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static sp => ProducerGenClient.CreateDefaultHandler(sp.GetRequiredService<IOptions<TOptions>>().Value.MaxConnectionsPerServer));
    }

    private sealed class FillFromContainer<TOptions>(IServiceProvider services) : IPostConfigureOptions<TOptions>
        where TOptions : ProducerGenClientOptions
    {
        public void PostConfigure(string? name, TOptions options)
        {
            options.LoggerFactory ??= services.GetService<ILoggerFactory>();
            if (ReferenceEquals(options.TimeProvider, TimeProvider.System) && services.GetService<TimeProvider>() is { } time)
            {
                options.TimeProvider = time;
            }
        }
    }
}
