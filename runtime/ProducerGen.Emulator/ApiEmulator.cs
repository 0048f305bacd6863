using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ProducerGen.Emulator.Http;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator;

/// <summary>
/// A local emulator of an async generation API described by a ProducerGen schema (Apiframe's music API by default),
/// served over real HTTP by Kestrel. Start it in-process for tests and samples:
/// <code>
/// await using var emulator = await ApiEmulator.StartAsync(new EmulatorOptions());
/// // emulator.BaseAddress is http://127.0.0.1:{free port}/ ; the key "afk_test" is accepted.
/// </code>
/// or run it standalone: <c>producergen-emulator --urls http://127.0.0.1:5080</c> (the ProducerGen.Emulator.Tool package).
/// </summary>
public sealed class ApiEmulator : IAsyncDisposable
{
    private const string DefaultSchemaResource = "apiframe-music.producergen.yaml";
    private readonly WebApplication _app;
    private readonly EmulatorServer _server;
    private int _disposed;

    private ApiEmulator(WebApplication app, EmulatorServer server, Uri baseAddress, EmulatorOptions options)
    {
        _app = app;
        _server = server;
        BaseAddress = baseAddress;
        Options = options;
    }

    /// <summary>The emulator's root URL, ending in <c>/</c> (<c>http://127.0.0.1:41234/</c>); routes are relative to it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options the emulator was started with.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The schema being served.</summary>
    public SchemaDocument Schema => _server.Schema;

    /// <summary>The request validator (the same one the submission routes use).</summary>
    public SchemaRequestValidator Validator => _server.Validator;

    /// <summary>What happened so far: requests, jobs created per API key and per idempotency key, faults, webhooks.</summary>
    public EmulatorStats Stats => _server.Stats;

    /// <summary>Loads the schema, starts Kestrel on <see cref="EmulatorOptions.Url"/> and returns once it is listening.</summary>
    /// <param name="options">The options; null for the defaults (Apiframe music schema, loopback, free port, key <c>afk_test</c>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    /// <exception cref="InvalidOperationException">The schema has errors.</exception>
    public static async Task<ApiEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        if (double.IsNaN(options.TimeScale) || options.TimeScale < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TimeScale, "TimeScale must be zero or more.");
        }

        var schema = LoadSchema(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(ApiEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (options.LogToConsole)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        if (!options.UseConsoleLifetime)
        {
            builder.Services.AddSingleton<IHostLifetime, InProcessLifetime>();
        }

        builder.Services.AddCors();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        var app = builder.Build();
        var server = new EmulatorServer(schema, options);
        server.Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? options.Url;
        return new ApiEmulator(app, server, ToBaseAddress(address), options);
    }

    /// <summary>Adds an API key or replaces the one with the same <see cref="EmulatorApiKey.Key"/> (its balance too).</summary>
    /// <param name="apiKey">The key.</param>
    public void SetApiKey(EmulatorApiKey apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        _server.Keys.Set(apiKey);
    }

    /// <summary>
    /// The remaining credits of <paramref name="apiKey"/>: null when unlimited or unknown. A job's cost is taken when it
    /// is created and given back once it has failed, so only completed (or still running) jobs count against it.
    /// </summary>
    /// <param name="apiKey">The API key.</param>
    public long? GetCredits(string apiKey) => _server.Credits(apiKey);

    /// <summary>The status a job has now (<c>QUEUED</c>, <c>PROCESSING</c>, <c>COMPLETED</c>, <c>FAILED</c>), or null when there is no such job.</summary>
    /// <param name="jobId">The job id.</param>
    public string? GetJobStatus(Guid jobId) => _server.JobStatus(jobId);

    /// <summary>Completes when the host is asked to stop (Ctrl+C or SIGTERM for the standalone host, or <see cref="StopAsync"/>).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops listening and the webhook loop.</summary>
    /// <param name="cancellationToken">Makes the stop less graceful.</param>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the emulator and releases its resources.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The YAML text of the shipped Apiframe music schema, served when no schema is configured.</summary>
    public static string DefaultSchemaYaml()
    {
        using var stream = typeof(ApiEmulator).Assembly.GetManifestResourceStream(DefaultSchemaResource)
            ?? throw new InvalidOperationException($"The embedded schema '{DefaultSchemaResource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static SchemaDocument LoadSchema(EmulatorOptions options)
    {
        if (options.Schema is not null)
        {
            return options.Schema;
        }

        string yaml;
        string source;
        if (options.SchemaYaml is not null)
        {
            yaml = options.SchemaYaml;
            source = "(schema text)";
        }
        else if (options.SchemaPath is not null)
        {
            yaml = File.ReadAllText(options.SchemaPath);
            source = options.SchemaPath;
        }
        else
        {
            yaml = DefaultSchemaYaml();
            source = DefaultSchemaResource;
        }

        var result = SchemaLoader.Load(yaml);
        if (result.HasErrors || result.Document is null)
        {
            var problems = string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.Format(source)));
            throw new InvalidOperationException($"The schema {source} has errors:{Environment.NewLine}{problems}");
        }

        return result.Document;
    }

    private static Uri ToBaseAddress(string address)
    {
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        var builder = new UriBuilder(uri) { Path = "/" };
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return builder.Uri;
    }

    /// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the process that embeds the emulator.</summary>
    private sealed class InProcessLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
