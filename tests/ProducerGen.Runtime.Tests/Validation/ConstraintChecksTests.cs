using System.Collections.Generic;
using System.Linq;

namespace ProducerGen.Runtime.Tests;

public class ConstraintChecksTests
{
    private static List<ValidationError> Check(Action<List<ValidationError>> check)
    {
        var errors = new List<ValidationError>();
        check(errors);
        return errors;
    }

    [Theory]
    [InlineData(1.5, "must be between 0 and 1 (was 1.5)")]
    [InlineData(-0.1, "must be between 0 and 1 (was -0.1)")]
    [InlineData(0.33, "must be on the 0.05 grid starting at 0, e.g. 0.3 or 0.35 (was 0.33)")]
    [InlineData(double.NaN, "must be a finite number (was NaN)")]
    public void Number_messages_name_the_range_and_the_value(double value, string message)
    {
        var error = Assert.Single(Check(e => ConstraintChecks.Range(e, "producerParams.weirdness", value, 0, 1, 0.05)));
        Assert.Equal("producerParams.weirdness", error.Path);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.35)]
    [InlineData(1.0)]
    [InlineData(0.1 + 0.2)]
    [InlineData(0.7000000000000001)]
    public void On_grid_values_pass(double value) => Assert.Empty(Check(e => ConstraintChecks.Range(e, "w", value, 0, 1, 0.05)));

    [Fact]
    public void Grid_starts_at_the_minimum()
    {
        Assert.Empty(Check(e => ConstraintChecks.Range(e, "s", 0.25, 0.2, 1, 0.05)));
        Assert.Equal("must be on the 0.1 grid starting at 0.25, e.g. 0.35 or 0.45 (was 0.4)", Check(e => ConstraintChecks.Range(e, "s", 0.4, 0.25, 1, 0.1)).Single().Message);
        Assert.Equal("must be a multiple of 0.5, e.g. 1 or 1.5 (was 1.2)", Check(e => ConstraintChecks.Range(e, "s", 1.2, null, null, 0.5)).Single().Message);
        Assert.Equal("must be at least 0.2 (was 0.1)", Check(e => ConstraintChecks.Range(e, "s", 0.1, 0.2, null, null)).Single().Message);
        Assert.Equal("must be at most 1 (was 2)", Check(e => ConstraintChecks.Range(e, "s", 2.0, null, 1, null)).Single().Message);
        Assert.Empty(Check(e => ConstraintChecks.Range(e, "s", (double?)null, 0, 1, 0.05)));
        Assert.Empty(Check(e => ConstraintChecks.Range(e, "s", 5.0, double.NaN, double.NaN, double.NaN)));
    }

    [Fact]
    public void Integer_ranges_and_steps()
    {
        Assert.Equal("must be between 1 and 4 (was 5)", Check(e => ConstraintChecks.Range(e, "n", 5L, 1L, 4L, null)).Single().Message);
        Assert.Equal("must be on the 64 grid starting at 256, e.g. 256 or 320 (was 300)", Check(e => ConstraintChecks.Range(e, "w", 300L, 256L, 2048L, 64L)).Single().Message);
        Assert.Empty(Check(e => ConstraintChecks.Range(e, "w", 320L, 256L, 2048L, 64L)));
        Assert.Equal("must be a multiple of 8, e.g. 0 or 8 (was 3)", Check(e => ConstraintChecks.Range(e, "w", 3L, null, null, 8L)).Single().Message);
    }

    [Fact]
    public void Length_items_pattern_allowed_url_enum_required()
    {
        Assert.Equal("must be at most 80 characters (was 93)", Check(e => ConstraintChecks.Length(e, "producerParams.title", new string('t', 93), null, 80)).Single().Message);
        Assert.Equal("must be at least 1 character (was 0)", Check(e => ConstraintChecks.Length(e, "prompt", "", 1, 5000)).Single().Message);
        Assert.Empty(Check(e => ConstraintChecks.Length(e, "prompt", null, 1, 5000)));
        Assert.Equal("must have at least 1 item (had 0)", Check(e => ConstraintChecks.Items(e, "webhookEvents", Array.Empty<string>(), 1, null)).Single().Message);
        Assert.Equal("must have at most 2 items (had 3)", Check(e => ConstraintChecks.Items(e, "x", new[] { 1, 2, 3 }, -1, 2)).Single().Message);
        Assert.Equal("must match the pattern ^[a-z]+$ (was \"ABC\")", Check(e => ConstraintChecks.Pattern(e, "seed", "ABC", "^[a-z]+$")).Single().Message);
        Assert.Empty(Check(e => ConstraintChecks.Pattern(e, "seed", "abc", "^[a-z]+$")));
        Assert.Equal("must be one of 1, 2, 4 (was 3)", Check(e => ConstraintChecks.AllowedValues(e, "n", 3, [1, 2, 4])).Single().Message);
        Assert.Equal("must be an absolute http or https URL (was \"ftp://x.test/a\")", Check(e => ConstraintChecks.HttpUrl(e, "webhookUrl", new Uri("ftp://x.test/a"))).Single().Message);
        Assert.Single(Check(e => ConstraintChecks.HttpUrl(e, "webhookUrl", new Uri("/relative", UriKind.Relative))));
        Assert.Empty(Check(e => ConstraintChecks.HttpUrl(e, "webhookUrl", new Uri("https://example.com/hooks"))));
        Assert.Equal("must be one of the defined values (was 42)", Check(e => ConstraintChecks.DefinedEnum(e, "v", false, 42)).Single().Message);
        Assert.Equal("is required", Check(e => ConstraintChecks.Required(e, "prompt", null)).Single().Message);
    }

    [Fact]
    public void Validation_result_collects_every_violation()
    {
        var result = new TestRequest("") { Weirdness = 0.33 }.Validate();
        Assert.False(result.IsValid);
        Assert.Equal(2, result.Errors.Count);
        var exception = Assert.Throws<RequestValidationException>(result.ThrowIfInvalid);
        Assert.Contains("2 constraints", exception.Message);
        Assert.True(ValidationResult.Valid.IsValid);
        ValidationResult.Valid.ThrowIfInvalid();
    }

    [Theory]
    [InlineData(0.33, 0.0, 1.0, 0.05, 0.35)]
    [InlineData(0.32, 0.0, 1.0, 0.05, 0.3)]
    [InlineData(1.5, 0.0, 1.0, 0.05, 1.0)]
    [InlineData(0.1, 0.2, 1.0, 0.05, 0.2)]
    [InlineData(0.99, 0.25, 1.0, 0.1, 0.95)]
    public void StepGrid_nearest_is_clean_and_within_bounds(double value, double min, double max, double step, double expected)
        => Assert.Equal(expected, StepGrid.Nearest(value, min, max, step));

    [Fact]
    public void StepGrid_tolerates_double_noise_but_not_real_misses()
    {
        Assert.True(StepGrid.IsOnGrid(0.1 + 0.2, 0, 0.05));
        Assert.True(StepGrid.IsOnGrid(1e6 + 0.05, null, 0.05));
        Assert.False(StepGrid.IsOnGrid(0.3001, 0, 0.05));
        Assert.True(StepGrid.IsOnGrid(0.123, 0, double.NaN));
        Assert.False(StepGrid.IsOnGrid(double.NaN, 0, 0.05));
    }
}
