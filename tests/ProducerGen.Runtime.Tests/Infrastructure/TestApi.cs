using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace ProducerGen.Runtime.Tests;

public static class TestApi
{
    public const string Key = "afk_SECRET_test_key_0123456789";

    public static readonly ApiDescription Api = new(
        "Apiframe",
        new Uri("https://api.apiframe.test"),
        "X-API-Key",
        "PRODUCERGEN_TEST_API_KEY",
        "Idempotency-Key",
        255,
        "/v2/jobs/{id}",
        "id",
        ["QUEUED", "PROCESSING"],
        ["COMPLETED"],
        ["FAILED", "CANCELLED"],
        "X-Webhook-Signature",
        "X-Webhook-Event");

    public static readonly ModelDescription Producer = new("producer", "POST", "/v2/music/generate", TimeSpan.FromSeconds(45));

    public static TimerCountingTimeProvider NewTime() => new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static ProducerGenClientOptions Options(TimeProvider time, Action<ProducerGenClientOptions>? configure = null)
    {
        var options = new ProducerGenClientOptions
        {
            ApiKey = Key,
            TimeProvider = time,
            Retry = new RetryOptions { UseJitter = false, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) },
        };
        configure?.Invoke(options);
        return options;
    }

    public static ProducerGenClient Client(FakeHttpHandler handler, TimeProvider time, Action<ProducerGenClientOptions>? configure = null)
        => new(Api, Options(time, configure), new HttpClient(handler));
}

/// <summary>A tiny hand-written request, like the generated ones.</summary>
public sealed class TestRequest(string prompt) : IGenerationRequest
{
    public string Prompt { get; set; } = prompt;

    public double? Weirdness { get; set; }

    public int WriteCount { get; private set; }

    public ValidationResult Validate()
    {
        var errors = new List<ValidationError>();
        ConstraintChecks.Required(errors, "prompt", Prompt);
        ConstraintChecks.Length(errors, "prompt", Prompt, 1, 5000);
        ConstraintChecks.Range(errors, "producerParams.weirdness", Weirdness, 0, 1, 0.05);
        return errors.Count == 0 ? ValidationResult.Valid : new ValidationResult(errors);
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        WriteCount++;
        writer.WriteStartObject();
        writer.WriteString("model", "producer");
        writer.WriteString("prompt", Prompt);
        if (Weirdness is { } w)
        {
            writer.WriteStartObject("producerParams");
            writer.WriteNumber("weirdness", w);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
