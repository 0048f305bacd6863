using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProducerGen.Benchmarks.RequestPath;

// The Producer request as a developer would write it by hand without ProducerGen: records with DataAnnotations for the
// schema's constraints and System.Text.Json attributes for the wire names. Same members, same constraints, same JSON.

public sealed record HandProducerRequest
{
    [JsonPropertyName("model")]
    public string Model => "producer";

    [Required]
    [StringLength(5000, MinimumLength = 1)]
    [JsonPropertyName("prompt")]
    public required string Prompt { get; init; }

    [HttpUrl]
    [JsonPropertyName("webhookUrl")]
    public Uri? WebhookUrl { get; init; }

    [MinLength(1)]
    [JsonPropertyName("webhookEvents")]
    public IList<HandWebhookEvent>? WebhookEvents { get; init; }

    [ValidateNested]
    [JsonPropertyName("producerParams")]
    public HandProducerParams? Params { get; init; }
}

public sealed record HandProducerParams
{
    [EnumDataType(typeof(HandModelVersion))]
    [JsonPropertyName("model_version")]
    public HandModelVersion? ModelVersion { get; init; }

    [JsonPropertyName("instrumental")]
    public bool? Instrumental { get; init; }

    [StringLength(5000)]
    [JsonPropertyName("lyrics")]
    public string? Lyrics { get; init; }

    [StringLength(80)]
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("seed")]
    public string? Seed { get; init; }

    [Range(0.0, 1.0)]
    [Step(0.05)]
    [JsonPropertyName("lyrics_strength")]
    public double? LyricsStrength { get; init; }

    [Range(0.2, 1.0)]
    [Step(0.05, Minimum = 0.2)]
    [JsonPropertyName("sound_strength")]
    public double? SoundStrength { get; init; }

    [Range(0.0, 1.0)]
    [Step(0.05)]
    [JsonPropertyName("weirdness")]
    public double? Weirdness { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<HandModelVersion>))]
public enum HandModelVersion
{
    [JsonStringEnumMemberName("FUZZ_2_PRO")] Fuzz2Pro,
    [JsonStringEnumMemberName("FUZZ_2")] Fuzz2,
    [JsonStringEnumMemberName("FUZZ_2_RAW")] Fuzz2Raw,
    [JsonStringEnumMemberName("FUZZ_1_1_PRO")] Fuzz11Pro,
    [JsonStringEnumMemberName("FUZZ_1_PRO")] Fuzz1Pro,
    [JsonStringEnumMemberName("FUZZ_1")] Fuzz1,
}

[JsonConverter(typeof(JsonStringEnumConverter<HandWebhookEvent>))]
public enum HandWebhookEvent
{
    [JsonStringEnumMemberName("progress")] Progress,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>value = minimum + k · step (k whole), with a tolerance fit for doubles: the schema's <c>step</c> rule without regular expressions.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StepAttribute(double step) : ValidationAttribute
{
    public double Step { get; } = step;

    public double Minimum { get; set; }

    public override bool IsValid(object? value)
    {
        if (value is not double v)
        {
            return true;
        }

        var k = (v - Minimum) / Step;
        return Math.Abs(k - Math.Round(k)) <= 1e-9 * Math.Max(1.0, Math.Abs(k));
    }

    public override string FormatErrorMessage(string name) => string.Create(CultureInfo.InvariantCulture, $"{name} must be {Minimum} + a whole multiple of {Step}.");
}

/// <summary>An absolute http(s) URI.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null || value is Uri { IsAbsoluteUri: true } uri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>Validates a nested object's own DataAnnotations (Validator does not recurse by itself).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateNestedAttribute : ValidationAttribute
{
    protected override System.ComponentModel.DataAnnotations.ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is null)
        {
            return System.ComponentModel.DataAnnotations.ValidationResult.Success;
        }

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        return Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true)
            ? System.ComponentModel.DataAnnotations.ValidationResult.Success
            : new System.ComponentModel.DataAnnotations.ValidationResult(string.Join("; ", results), [validationContext.MemberName ?? "params"]);
    }
}

public static class HandWrittenJson
{
    /// <summary>Reflection-based serialization, unset members omitted (as the generated code and the source-generated context do).</summary>
    public static readonly JsonSerializerOptions ReflectionOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HandProducerRequest))]
public sealed partial class HandWrittenJsonContext : JsonSerializerContext;
