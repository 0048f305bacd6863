using System.Collections.Generic;

namespace ProducerGen.Runtime.Tests;

/// <summary><c>ConstraintChecks.Format</c> at the edges of each format's rule.</summary>
public class FormatChecksTests
{
    private static List<ValidationError> Check(string? value, StringFormat format)
    {
        var errors = new List<ValidationError>();
        ConstraintChecks.Format(errors, "loraParams.loraId", value, format);
        return errors;
    }

    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("3F2504E0-4F89-11D3-9A0C-0305E82C3301")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void A_hyphenated_uuid_passes(string value) => Assert.Empty(Check(value, StringFormat.Uuid));

    [Theory]
    [InlineData("test")]
    [InlineData("3f2504e04f8911d39a0c0305e82c3301")] // no hyphens: Guid.Parse takes it, the format does not
    [InlineData("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c330")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c330g")]
    [InlineData(" 3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("")]
    public void Anything_else_is_not_a_uuid(string value)
    {
        var error = Assert.Single(Check(value, StringFormat.Uuid));
        Assert.Equal("loraParams.loraId", error.Path);
        Assert.StartsWith("must be a UUID (8-4-4-4-12 hex digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_shows_the_value() =>
        Assert.EndsWith("(was \"test\")", Assert.Single(Check("test", StringFormat.Uuid)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("2026-01-31T12:00:00Z")]
    [InlineData("2026-01-31t12:00:00z")]
    [InlineData("2026-01-31T12:00:00.123456+05:30")]
    [InlineData("2026-01-31T23:59:59-08:00")]
    [InlineData("2024-02-29T00:00:00Z")]
    public void An_rfc3339_date_time_with_an_offset_passes(string value) => Assert.Empty(Check(value, StringFormat.DateTime));

    [Theory]
    [InlineData("2026-01-31T12:00:00")] // no offset
    [InlineData("2026-01-31")]
    [InlineData("2026-01-31 12:00:00Z")]
    [InlineData("2026-02-30T12:00:00Z")] // no such day
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2026-01-31T24:00:00Z")]
    [InlineData("2026-01-31T12:00:00+0100")]
    [InlineData("31/01/2026 12:00")]
    public void A_date_time_without_an_offset_or_with_a_wrong_field_fails(string value) =>
        Assert.Contains("RFC 3339 date-time with an offset", Assert.Single(Check(value, StringFormat.DateTime)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("name@example.com")]
    [InlineData("first.last+tag@sub.example.co.uk")]
    public void An_email_address_passes(string value) => Assert.Empty(Check(value, StringFormat.Email));

    [Theory]
    [InlineData("nobody")]
    [InlineData("name@localhost")]
    [InlineData("a@b@example.com")]
    [InlineData("name @example.com")]
    [InlineData("name@example..com")]
    [InlineData("@example.com")]
    [InlineData("name@.example.com")]
    public void A_malformed_email_address_fails(string value) =>
        Assert.Contains("e-mail address", Assert.Single(Check(value, StringFormat.Email)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("https://example.com/a?b=c")]
    [InlineData("urn:isbn:0451450523")]
    [InlineData("s3://bucket/key")]
    [InlineData("mailto:name@example.com")]
    public void An_absolute_uri_of_any_scheme_passes(string value) => Assert.Empty(Check(value, StringFormat.Uri));

    [Theory]
    [InlineData("/relative/path")] // an absolute file URI on Unix to System.Uri, relative to RFC 3986
    [InlineData("relative/path")]
    [InlineData("example.com")]
    [InlineData("1http://example.com")]
    [InlineData("")]
    public void A_relative_reference_is_not_a_uri(string value) =>
        Assert.Contains("absolute URI", Assert.Single(Check(value, StringFormat.Uri)).Message, StringComparison.Ordinal);

    [Fact]
    public void Null_passes_every_format()
    {
        foreach (var format in Enum.GetValues<StringFormat>())
        {
            Assert.Empty(Check(null, format));
        }
    }
}
