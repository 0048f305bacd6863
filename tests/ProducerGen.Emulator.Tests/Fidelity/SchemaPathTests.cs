using System.Text.Json;

namespace ProducerGen.Emulator.Tests.Fidelity;

/// <summary>A relative --schema means the caller's directory, resolved once by the command line, whatever the process's directory is later.</summary>
public sealed class SchemaPathTests : IDisposable
{
    private readonly string _caller = Path.Combine(Path.GetTempPath(), "producergen-cwd-" + Guid.NewGuid().ToString("N")[..8]);

    public SchemaPathTests()
    {
        Directory.CreateDirectory(Path.Combine(_caller, "schemas"));
        var yaml = ApiEmulator.DefaultSchemaYaml();
        File.WriteAllText(Path.Combine(_caller, "schemas", "mine.yaml"), yaml);
    }

    [Fact]
    public void Relative_schema_is_resolved_against_the_given_directory()
    {
        var result = EmulatorCommandLine.Parse(["--schema", "schemas/mine.yaml"], _caller);

        Assert.Empty(result.Errors);
        Assert.Equal(Path.Combine(_caller, "schemas", "mine.yaml"), result.Options!.SchemaPath);
    }

    [Fact]
    public void Relative_schema_defaults_to_the_current_directory_and_absolute_paths_are_kept()
    {
        var absolute = Path.Combine(_caller, "schemas", "mine.yaml");

        Assert.Equal(Path.GetFullPath("x/s.yaml"), EmulatorCommandLine.Parse(["--schema", "x/s.yaml"]).Options!.SchemaPath);
        Assert.Equal(absolute, EmulatorCommandLine.Parse(["--schema", absolute], "/somewhere/else").Options!.SchemaPath);
    }

    [Fact]
    public async Task Emulator_serves_the_schema_found_relative_to_the_caller_not_to_the_process_directory()
    {
        Assert.NotEqual(Path.GetFullPath(_caller), Path.GetFullPath(Environment.CurrentDirectory));
        var options = EmulatorCommandLine.Parse(["--schema", "schemas/mine.yaml", "--urls", "http://127.0.0.1:0"], _caller).Options!;
        options.LogToConsole = false;

        await using var emulator = await ApiEmulator.StartAsync(options);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var info = JsonDocument.Parse(await http.GetStringAsync(string.Empty)).RootElement;

        Assert.Equal(emulator.Schema.Api.Name, info.GetProperty("api").GetString());
        Assert.Contains("producer", info.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
    }

    public void Dispose() => Directory.Delete(_caller, recursive: true);
}
