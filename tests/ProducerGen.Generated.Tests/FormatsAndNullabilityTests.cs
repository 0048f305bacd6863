using System;
using System.Linq;
using Formats.Client;
using Xunit;

namespace ProducerGen.Generated.Tests;

/// <summary>Issue 16, item 2, run for real: the generated formats check, an assigned null on the wire, a required params block.</summary>
public class FormatsAndNullabilityTests
{
    // Read at run time, so the analyzer (PG1006) has no constant to warn about: Validate() is what is under test.
    private static string Runtime(string text) => new(text.ToCharArray());

    [Fact]
    public void A_lora_id_that_is_not_a_uuid_fails_Validate_and_a_uuid_passes()
    {
        var request = new LoraRequest("a fox") { Params = new LoraParams { LoraId = Runtime("test") } };

        var error = Assert.Single(request.Validate().Errors);
        Assert.Equal("loraParams.loraId", error.Path);
        Assert.StartsWith("must be a UUID", error.Message, StringComparison.Ordinal);

        request.Params.LoraId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        Assert.True(request.Validate().IsValid);
    }

    [Fact]
    public void Every_format_is_checked_including_array_items()
    {
        var request = new LoraRequest("a fox")
        {
            CallbackEmail = Runtime("nobody"),
            NotBefore = Runtime("2026-01-31T12:00:00"),
            Params = new LoraParams { Source = Runtime("/relative"), Tags = new[] { "3f2504e0-4f89-11d3-9a0c-0305e82c3301", Runtime("x") } },
        };

        Assert.Equal(["callbackEmail", "loraParams.source", "loraParams.tags[1]", "notBefore"], request.Validate().Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_nullable_member_is_omitted_until_assigned_and_an_assigned_null_is_sent_as_null()
    {
        var unset = new LoraRequest("a fox") { Params = new LoraParams() };
        Assert.Equal("""{"model":"lora","prompt":"a fox","loraParams":{}}""", JsonOf.Write(unset));

        var cleared = unset with { InputImages = null, Params = new LoraParams { Seed = null } };
        Assert.Equal("""{"model":"lora","prompt":"a fox","input_images":null,"loraParams":{"seed":null}}""", JsonOf.Write(cleared));
        Assert.NotEqual(unset, cleared); // the assignment is part of the value

        var set = cleared with { InputImages = new[] { new Uri("https://example.com/a.png") } };
        Assert.Equal("""{"model":"lora","prompt":"a fox","input_images":["https://example.com/a.png"],"loraParams":{"seed":null}}""", JsonOf.Write(set));
    }

    [Fact]
    public void A_non_nullable_member_set_to_null_is_still_not_sent()
    {
        var request = new LoraRequest("a fox") { CallbackEmail = null };

        Assert.Equal("""{"model":"lora","prompt":"a fox"}""", JsonOf.Write(request));
    }

    [Fact]
    public void A_required_params_block_is_sent_empty_and_reported_when_missing()
    {
        var request = new R2vRequest("waves", new R2vParams());
        Assert.True(request.Validate().IsValid);
        Assert.Equal("""{"model":"r2v","prompt":"waves","r2vParams":{}}""", JsonOf.Write(request));

        var missing = request with { Params = null! };
        var error = Assert.Single(missing.Validate().Errors);
        Assert.Equal(("r2vParams", "is required"), (error.Path, error.Message));
    }
}
