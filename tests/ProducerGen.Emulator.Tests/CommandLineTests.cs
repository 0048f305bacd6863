namespace ProducerGen.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Defaults_listen_on_5080_and_accept_any_afk_key()
    {
        var result = EmulatorCommandLine.Parse([]);
        Assert.Empty(result.Errors);
        var options = Assert.IsType<EmulatorOptions>(result.Options);
        Assert.Equal("http://127.0.0.1:5080", options.Url);
        Assert.True(options.AcceptAnyKey);
        Assert.Null(options.SchemaPath);
        Assert.Equal(1.0, options.TimeScale);
        Assert.Equal(EmulatorOptions.DefaultApiKey, Assert.Single(options.ApiKeys).Key);
        Assert.False(options.Faults.Any);
    }

    [Fact]
    public void The_readme_command_line_parses()
    {
        var result = EmulatorCommandLine.Parse(["--schema", "schemas/apiframe-music.producergen.yaml", "--urls", "http://127.0.0.1:5080", "--time-scale", "0.05"]);
        Assert.Empty(result.Errors);
        Assert.Equal(Path.GetFullPath("schemas/apiframe-music.producergen.yaml"), result.Options!.SchemaPath);
        Assert.Equal("http://127.0.0.1:5080", result.Options.Url);
        Assert.Equal(0.05, result.Options.TimeScale);
    }

    [Fact]
    public void Every_option_parses_in_both_spellings()
    {
        var result = EmulatorCommandLine.Parse(
        [
            "--urls=http://127.0.0.1:0", "--public-url", "http://localhost:9000", "--job-duration", "1m30s", "--jitter", "0",
            "--api-key", "afk_rich", "--api-key=afk_poor=25", "--inactive-key", "afk_old", "--accept-any-key", "false",
            "--credit-cost", "7", "--webhook-attempts", "2", "--webhook-retry-delay", "500ms",
            "--seed", "42", "--rate-limit", "0.1:3", "--retry-after", "2s", "--server-errors", "0.05", "--unavailable=0.02",
            "--drop-before-create", "0.1", "--drop-after-create", "0.2", "--latency", "50ms-300ms", "--fail-jobs", "0.25",
        ]);
        Assert.Empty(result.Errors);
        var o = result.Options!;
        Assert.Equal("http://127.0.0.1:0", o.Url);
        Assert.Equal(new Uri("http://localhost:9000"), o.PublicBaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(90), o.JobDuration);
        Assert.Equal(0, o.DurationJitter);
        Assert.Equal(
            new[] { new EmulatorApiKey("afk_rich"), new EmulatorApiKey("afk_poor", true, 25), new EmulatorApiKey("afk_old", false) },
            o.ApiKeys);
        Assert.False(o.AcceptAnyKey);
        Assert.Equal(7, o.CreditCost);
        Assert.Equal(2, o.WebhookMaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.WebhookRetryDelay);
        Assert.Equal(42, o.Faults.Seed);
        Assert.Equal(0.1, o.Faults.RateLimitRate);
        Assert.Equal(3, o.Faults.RateLimitBurst);
        Assert.Equal(TimeSpan.FromSeconds(2), o.Faults.RetryAfter);
        Assert.Equal(0.05, o.Faults.ServerErrorRate);
        Assert.Equal(0.02, o.Faults.UnavailableRate);
        Assert.Equal(0.1, o.Faults.DropBeforeCreateRate);
        Assert.Equal(0.2, o.Faults.DropAfterCreateRate);
        Assert.Equal(TimeSpan.FromMilliseconds(50), o.Faults.MinLatency);
        Assert.Equal(TimeSpan.FromMilliseconds(300), o.Faults.MaxLatency);
        Assert.Equal(0.25, o.Faults.FailJobRate);
        Assert.True(o.Faults.Any);
    }

    [Theory]
    [InlineData("--time-scale", "-1", "--time-scale")]
    [InlineData("--server-errors", "1.5", "--server-errors")]
    [InlineData("--latency", "300ms-50ms", "--latency")]
    [InlineData("--job-duration", "soon", "--job-duration")]
    [InlineData("--accept-any-key", "maybe", "--accept-any-key")]
    [InlineData("--bogus", "1", "--bogus")]
    public void Bad_values_and_unknown_options_are_reported(string name, string value, string mentioned)
    {
        var result = EmulatorCommandLine.Parse([name, value]);
        Assert.Null(result.Options);
        Assert.Contains(result.Errors, e => e.Contains(mentioned, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_value_and_a_stray_argument_are_reported()
    {
        var result = EmulatorCommandLine.Parse(["stray", "--schema"]);
        Assert.Null(result.Options);
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void Help_is_recognised()
    {
        var result = EmulatorCommandLine.Parse(["--help"]);
        Assert.True(result.HelpRequested);
        Assert.Null(result.Options);
        Assert.Contains("--time-scale", EmulatorCommandLine.HelpText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("45s", 45_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("3", 3_000)]
    public void Durations_parse(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), EmulatorCommandLine.Duration(text));

    [Fact]
    public async Task Parsed_options_start_an_emulator()
    {
        var options = EmulatorCommandLine.Parse(["--urls", "http://127.0.0.1:0", "--api-key", "afk_cli=10"]).Options!;
        options.LogToConsole = false;
        await using var emulator = await ApiEmulator.StartAsync(options);
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.Equal(10, emulator.GetCredits("afk_cli"));
        Assert.Equal("Apiframe", emulator.Schema.Api.Name);
        await emulator.StopAsync(); // then disposed by the using: stopping twice is harmless
    }
}
