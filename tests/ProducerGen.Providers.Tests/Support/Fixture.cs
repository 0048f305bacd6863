using System;
using System.IO;
using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace ProducerGen.Providers.Tests.Support;

/// <summary>The documented examples under Fixtures/&lt;provider&gt; (each folder's SOURCES.md names where every file comes from).</summary>
public static class Fixture
{
    public const string ApiKey = "test-key-123";

    public static string Text(string provider, string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", provider, file));

    public static ReplayResponse Ok(string provider, string file) => new(HttpStatusCode.OK, Text(provider, file));

    public static ReplayResponse Answer(HttpStatusCode status, string provider, string file, string contentType = "application/json") => new(status, Text(provider, file), contentType);

    public static string SchemaPath(string file) => Path.Combine(AppContext.BaseDirectory, "Schemas", file);

    /// <summary>Asserts two JSON documents are equal as JSON (member order and whitespace aside), showing both when not.</summary>
    public static void AssertSameJson(string expected, string actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"Expected JSON:\n{expectedNode?.ToJsonString()}\nActual JSON:\n{actualNode?.ToJsonString()}");
    }

    /// <summary>Fast polling for replayed and emulated jobs, so a wait over several answers takes milliseconds.</summary>
    public static void PollFast(ProducerGenClientOptions options)
    {
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(5);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(50);
        options.Waiting.MaxWait = TimeSpan.FromSeconds(30);
    }
}
