using System.ComponentModel;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ProducerGen.Internal;

namespace ProducerGen.Runtime.Tests;

/// <summary>The readers and the result base generated result views stand on.</summary>
public class ResultReaderTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Members_of_the_right_kind_are_read()
    {
        var element = Json("""{"s":"x","l":9007199254740993,"d":0.35,"b":false,"u":"https://cdn.test/a.wav","o":{"s":"in"},"a":[1,2]}""");

        Assert.Equal("x", ResultReader.ReadString(ResultReader.Member(element, "s")));
        Assert.Equal(9007199254740993L, ResultReader.ReadLong(ResultReader.Member(element, "l")));
        Assert.Equal(0.35, ResultReader.ReadDouble(ResultReader.Member(element, "d")));
        Assert.False(ResultReader.ReadBoolean(ResultReader.Member(element, "b")));
        Assert.Equal(new Uri("https://cdn.test/a.wav"), ResultReader.ReadUri(ResultReader.Member(element, "u")));
        Assert.Equal("in", ResultReader.ReadObject(ResultReader.Member(element, "o"), e => new Box(ResultReader.ReadString(ResultReader.Member(e, "s"))))!.Value);
        Assert.Equal(new long?[] { 1, 2 }, ResultReader.ReadArray(ResultReader.Member(element, "a"), ResultReader.ReadLong));
    }

    [Theory]
    [InlineData("""{"v":null}""")]
    [InlineData("""{"v":[]}""")]
    [InlineData("""{"v":{}}""")]
    [InlineData("""{"other":1}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"v":"12"}""")]
    public void A_missing_or_mistyped_member_reads_as_null_or_empty_and_never_throws(string json)
    {
        var value = ResultReader.Member(Json(json), "v");

        Assert.Null(ResultReader.ReadLong(value));
        Assert.Null(ResultReader.ReadDouble(value));
        Assert.Null(ResultReader.ReadBoolean(value));
        Assert.Null(ResultReader.ReadUri(value));
        Assert.Empty(ResultReader.ReadArray(value, ResultReader.ReadString));
    }

    [Theory]
    [InlineData("\"/relative/path\"")]
    [InlineData("\"not a url\"")]
    [InlineData("\"file:///etc/passwd\"")]
    [InlineData("\"ftp://cdn.test/a.wav\"")]
    [InlineData("12")]
    public void Only_absolute_http_uris_are_urls(string value) =>
        Assert.Null(ResultReader.ReadUri(ResultReader.Member(Json("{\"u\":" + value + "}"), "u")));

    [Fact]
    public void A_number_beyond_long_reads_as_null_as_a_long_but_not_as_a_double()
    {
        var value = ResultReader.Member(Json("""{"n":1e30}"""), "n");

        Assert.Null(ResultReader.ReadLong(value));
        Assert.Equal(1e30, ResultReader.ReadDouble(value));
    }

    [Fact]
    public void A_result_view_exposes_the_job_its_urls_and_the_expired_flag()
    {
        var job = Job.Parse(Encoding.UTF8.GetBytes("""{"id":"j1","status":"COMPLETED","model":"producer","expired":true,"result":{"tracks":[{"audioUrl":"https://cdn.test/1.wav"}]}}"""), TestApi.Api);

        var view = new View(job);

        Assert.Same(job, view.Job);
        Assert.True(view.Expired);
        Assert.Equal(new[] { new Uri("https://cdn.test/1.wav") }, view.OutputUrls);
        Assert.Throws<ArgumentNullException>(() => new View(null!));
    }

    [Fact]
    public void Members_only_generated_code_calls_are_hidden_from_completion()
    {
        static bool Hidden(MemberInfo member) => member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;

        Assert.True(Hidden(typeof(ResultReader)));
        Assert.True(Hidden(typeof(ConstraintChecks)));
        Assert.All(typeof(ProducerGenServiceCollectionExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static), method => Assert.True(Hidden(method), method.Name));
        Assert.All(
            typeof(ProducerGenClient).GetMethods().Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(ModelDescription)),
            method => Assert.True(Hidden(method), method.Name));

        // What users write against stays visible.
        Assert.False(Hidden(typeof(JobResult)));
        Assert.False(Hidden(typeof(ProducerGenClient).GetMethod(nameof(ProducerGenClient.DownloadAsync))!));
    }

    private sealed record Box(string? Value);

    private sealed class View(Job job) : JobResult(job);
}
