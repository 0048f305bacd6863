using System.Diagnostics;
using ProducerGen.Tests.Prism;

namespace ProducerGen.Emulator.Tests.Contract;

/// <summary>
/// The emulator serving the full Apiframe schema (fake clock) behind two <c>prism proxy</c>s of the provider's OpenAPI
/// document: <see cref="Strict"/> with <c>--errors</c> (an invalid request is refused before it reaches the emulator; an
/// answer with an error-level violation is replaced by Prism's 500 <c>VIOLATIONS</c> problem) and <see cref="Lenient"/> without it, for the one request
/// Prism cannot read (repeated multipart parts). Both report every violation in the answer's <c>sl-violations</c> header.
/// </summary>
public sealed class EmulatorBehindPrism : IAsyncLifetime
{
    /// <summary>A key with no credits (402).</summary>
    public const string BrokeKey = "afk_contract_broke";

    /// <summary>Another caller's active key (whose view of the default key's jobs is 404).</summary>
    public const string OtherKey = "afk_contract_other";

    /// <summary>A key that is known but inactive (403).</summary>
    public const string InactiveKey = "afk_contract_inactive";

    private TestEmulator? _emulator;
    private PrismServer? _strict;
    private PrismServer? _lenient;

    internal TestEmulator Emulator => _emulator ?? throw new InvalidOperationException("not started");

    internal PrismServer Strict => _strict ?? throw new InvalidOperationException("not started");

    internal PrismServer Lenient => _lenient ?? throw new InvalidOperationException("not started");

    /// <summary>How long installing (or finding) Prism took, and starting the emulator and both proxies.</summary>
    public string Timings { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var cli = PrismInstall.EnsureInstalled();
        var install = clock.Elapsed;
        clock.Restart();
        _emulator = await TestEmulator.StartAsync(o =>
        {
            o.SchemaPath = RepoFiles.Catalog;
            o.ApiKeys.Add(new EmulatorApiKey(BrokeKey, Credits: 0));
            o.ApiKeys.Add(new EmulatorApiKey(InactiveKey, IsActive: false));
            o.ApiKeys.Add(new EmulatorApiKey(OtherKey));
        });
        var openApi = RepoFiles.Path("schemas/sources/apiframe-openapi.json");
        var strict = PrismServer.StartProxyAsync(cli, openApi, _emulator.Emulator.BaseAddress);
        var lenient = PrismServer.StartProxyAsync(cli, openApi, _emulator.Emulator.BaseAddress, errors: false);
        try
        {
            _strict = await strict;
        }
        finally
        {
            _lenient = await lenient;
        }

        Timings = $"Prism install/check {install.TotalSeconds:F1} s, emulator + 2 proxies start {clock.Elapsed.TotalSeconds:F1} s";
    }

    public async Task DisposeAsync()
    {
        if (_strict is not null)
        {
            await _strict.DisposeAsync();
        }

        if (_lenient is not null)
        {
            await _lenient.DisposeAsync();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
