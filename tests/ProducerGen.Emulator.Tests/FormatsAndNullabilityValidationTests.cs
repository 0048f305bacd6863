using System.Text.Json;
using ProducerGen.Schema.Loading;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Tests;

/// <summary>Issue 16, items 2 and 4: the emulator enforces formats, null only where nullable, and a required params block.</summary>
public sealed class FormatsAndNullabilityValidationTests
{
    private const string Schema =
        """
        producergen: 1
        api:
          name: Formats
          baseUrl: https://api.example.com
          auth: { header: X-API-Key, env: FORMATS_API_KEY }
          jobs:
            get: GET /v1/jobs/{id}
        endpoints:
          image:
            request: POST /v1/image
            fields:
              prompt: { type: string, required: true }
              notBefore: { type: string, format: date-time }
              input_images: { type: array, items: { type: url }, nullable: true }
        models:
          lora:
            endpoint: image
            paramsKey: loraParams
            params:
              loraId: { type: string, format: uuid }
              contact: { type: string, format: email }
              source: { type: string, format: uri }
          r2v:
            endpoint: image
            paramsKey: r2vParams
            paramsRequired: true
            params:
              duration: { type: integer, enum: [5, 10] }
        """;

    private static readonly SchemaDocument Document = SchemaLoader.Load(Schema).Document!;

    private static RequestValidationResult Validate(string body) =>
        new SchemaRequestValidator(Document).Validate(Document.Endpoints.Single(), JsonDocument.Parse(body).RootElement);

    [Fact]
    public void Values_of_their_formats_pass()
    {
        var result = Validate("""{"model":"lora","prompt":"p","notBefore":"2026-01-31T12:00:00+01:00","loraParams":{"loraId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","contact":"name@example.com","source":"urn:isbn:0451450523"}}""");

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(", ", e.Value))));
    }

    [Fact]
    public void Each_broken_format_is_refused_at_its_path()
    {
        var result = Validate("""{"model":"lora","prompt":"p","notBefore":"2026-01-31T12:00:00","loraParams":{"loraId":"test","contact":"nobody","source":"/relative"}}""");

        Assert.Equal(["loraParams.contact", "loraParams.loraId", "loraParams.source", "notBefore"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("must be a UUID (8-4-4-4-12 hex digits, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301) (was \"test\")", result.Errors["loraParams.loraId"].Single());
        Assert.StartsWith("must be an RFC 3339 date-time with an offset", result.Errors["notBefore"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_accepted_only_for_a_nullable_member()
    {
        Assert.True(Validate("""{"model":"lora","prompt":"p","input_images":null}""").IsValid);

        var result = Validate("""{"model":"lora","prompt":"p","notBefore":null,"loraParams":{"loraId":null}}""");
        Assert.Equal("must be a string (was null)", result.Errors["notBefore"].Single());
        Assert.Equal("must be a string (was null)", result.Errors["loraParams.loraId"].Single());
    }

    [Fact]
    public void A_required_params_block_must_be_sent_even_empty()
    {
        var missing = Validate("""{"model":"r2v","prompt":"p"}""");
        Assert.Equal("is required (r2v needs the block, even empty: {})", Assert.Single(missing.Errors["r2vParams"]));
        Assert.Single(missing.Errors);

        Assert.True(Validate("""{"model":"r2v","prompt":"p","r2vParams":{}}""").IsValid);
        Assert.True(Validate("""{"model":"lora","prompt":"p"}""").IsValid); // lora's block stays optional
    }
}
