using System.Text.Json;

namespace ProducerGen.Runtime.Tests;

/// <summary>A response path looks members up by their UTF-8 names, encoded once: the same members as a lookup by string.</summary>
public class ResponsePathTests
{
    [Theory]
    [InlineData("""{"data":{"taskId":"t-1"}}""", "data.taskId", "t-1")]
    [InlineData("""{"d\u0061ta":{"t\u0061skId":"t-2"}}""", "data.taskId", "t-2")] // escaped names in the answer still match
    [InlineData("""{"résultat":{"né":"t-3"}}""", "résultat.né", "t-3")] // non-ASCII names are encoded as UTF-8
    [InlineData("""{"images":[{"url":"a"},{"url":"b"}]}""", "images[1].url", "b")]
    [InlineData("""{"n":42}""", "n", "42")]
    public void Reads_the_member_the_path_names(string json, string path, string expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, ResponsePath.Parse(path, "path").ReadText(document.RootElement));
    }

    [Theory]
    [InlineData("""{"data":{"TaskId":"t-1"}}""", "data.taskId")] // names are case-sensitive
    [InlineData("""{"data":{"taskId":null}}""", "data.taskId")]
    [InlineData("""{"data":"t-1"}""", "data.taskId")]
    public void Finds_nothing_where_the_member_is_missing_or_null(string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Null(ResponsePath.Parse(path, "path").ReadText(document.RootElement));
    }

    [Fact]
    public void A_name_that_is_not_valid_UTF16_is_looked_up_as_before()
    {
        // A lone surrogate has no UTF-8 form: the path keeps the string lookup, which refuses it as it always did.
        var path = ResponsePath.Parse("a\ud800", "path");
        using var document = JsonDocument.Parse("""{"a":"x"}""");
        Assert.ThrowsAny<Exception>(() => path.ReadText(document.RootElement));
    }
}
