using System.Linq;
using System.Text;
using Apiframe;
using Xunit;

namespace ProducerGen.Generated.Tests;

public class ResultReadingTests
{
    private static readonly ProducerGen.ApiDescription Api = ApiframeClient.Description;

    [Fact]
    public void Typed_result_reads_tracks_and_tolerates_unknown_or_mistyped_members()
    {
        var job = ProducerGen.Job.Parse(Encoding.UTF8.GetBytes("""
            {"id":"b2c3d4e5-f6a7-8901-bcde-f23456789012","status":"COMPLETED","model":"producer","progress":100,"error":null,
             "creditCost":12,"webhookStatus":null,"createdAt":"2026-11-24T10:00:00Z","completedAt":"2026-11-24T10:00:45Z","expired":false,
             "result":{"tracks":[{"id":"t1","audioUrl":"https://cdn.test/1.wav","title":"One","duration":4.5,"extra":{"x":1}},
                                 {"id":7,"audioUrl":"not a url","duration":"long"}],"somethingNew":true}}
            """), Api);

        var result = new ProducerResult(job);

        Assert.Equal(2, result.Tracks.Count);
        Assert.Equal(("t1", "https://cdn.test/1.wav", "One", 4.5), (result.Tracks[0].Id, result.Tracks[0].AudioUrl!.ToString(), result.Tracks[0].Title, result.Tracks[0].Duration));
        Assert.Null(result.Tracks[1].Id);
        Assert.Null(result.Tracks[1].AudioUrl);
        Assert.Null(result.Tracks[1].Duration);
        Assert.Contains(result.OutputUrls, u => u.ToString() == "https://cdn.test/1.wav");
        Assert.False(result.Expired);
    }

    [Fact]
    public void A_result_that_is_a_bare_url_still_exposes_it()
    {
        var job = ProducerGen.Job.Parse(Encoding.UTF8.GetBytes("""{"id":"a","status":"COMPLETED","model":"producer","result":"https://cdn.test/x.wav","expired":true}"""), Api);

        var result = new ProducerResult(job);

        Assert.Empty(result.Tracks);
        Assert.Equal("https://cdn.test/x.wav", result.OutputUrls.Single().ToString());
        Assert.True(result.Expired);
    }
}
