using System.Diagnostics;
using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 19, item 4: the spans of a submit-and-wait over loopback HTTP, as the OpenTelemetry SDK exports them.</summary>
public sealed class SpanTreeTests
{
    [Fact]
    public async Task A_submit_and_wait_is_one_Generate_span_over_the_Submit_and_a_Wait_that_parents_every_Poll()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        using var client = api.Client();

        Job job;
        ActivityTraceId trace;
        using (var root = TelemetryCapture.TestSource.StartActivity("test"))
        {
            trace = root!.TraceId;
            job = await client.SubmitAndWaitAsync(api.Model, new TestRequest("x"));
        }

        Assert.True(job.IsSucceeded);
        var spans = capture.SpansOf(trace);
        var rootSpan = Assert.Single(spans, s => s.OperationName == "test");
        var generate = Assert.Single(spans, s => s.OperationName == "ProducerGen.Generate");
        var submit = Assert.Single(spans, s => s.OperationName == "ProducerGen.Submit");
        var wait = Assert.Single(spans, s => s.OperationName == "ProducerGen.Wait");
        var polls = spans.Where(s => s.OperationName == "ProducerGen.Poll").ToList();

        Assert.Equal(rootSpan.SpanId, generate.ParentSpanId);
        Assert.Equal(generate.SpanId, submit.ParentSpanId);
        Assert.Equal(generate.SpanId, wait.ParentSpanId);
        Assert.Equal(api.Polls, polls.Count);
        Assert.All(polls, p => Assert.Equal(wait.SpanId, p.ParentSpanId));
        Assert.All(polls, p => Assert.InRange(p.StartTimeUtc, wait.StartTimeUtc, wait.StartTimeUtc + wait.Duration));

        Assert.Equal(ActivityKind.Internal, generate.Kind);
        Assert.Equal(ActivityKind.Client, submit.Kind);
        Assert.Equal(ActivityKind.Internal, wait.Kind);
        Assert.All(polls, p => Assert.Equal(ActivityKind.Client, p.Kind));

        Assert.Equal("Apiframe", wait.GetTagItem("producergen.api"));
        Assert.Equal(api.ModelId, wait.GetTagItem("producergen.model"));
        Assert.Equal(api.JobId, wait.GetTagItem("producergen.job.id"));
        Assert.Equal("COMPLETED", wait.GetTagItem("producergen.job.status"));
        Assert.Equal(api.Polls, wait.GetTagItem("producergen.wait.polls"));
        Assert.Equal(api.ModelId, submit.GetTagItem("producergen.model"));
        Assert.Equal(api.JobId, submit.GetTagItem("producergen.job.id"));
        Assert.Equal(202, submit.GetTagItem("http.response.status_code"));
        Assert.Equal(["QUEUED", "PROCESSING", "COMPLETED"], polls.OrderBy(p => p.StartTimeUtc).Select(p => p.GetTagItem("producergen.job.status")));
        Assert.All(polls, p => Assert.Equal(api.JobId, p.GetTagItem("producergen.job.id")));
        Assert.Equal("COMPLETED", generate.GetTagItem("producergen.job.status"));
        Assert.All(spans, s => Assert.NotEqual(ActivityStatusCode.Error, s.Status));
        Assert.All(spans, s => Assert.Null(s.GetTagItem("error.type")));
    }

    [Fact]
    public async Task Waiting_by_id_learns_the_model_from_the_job_and_tags_the_wait_with_it()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        api.Statuses = ["PROCESSING", "COMPLETED"];
        using var client = api.Client();

        ActivityTraceId trace;
        using (var root = TelemetryCapture.TestSource.StartActivity("test"))
        {
            trace = root!.TraceId;
            await client.Jobs.WaitAsync(api.JobId);
        }

        var wait = Assert.Single(capture.SpansOf(trace), s => s.OperationName == "ProducerGen.Wait");
        Assert.Equal("producer", wait.GetTagItem("producergen.model")); // the job's own "model"
        Assert.Equal(2, wait.GetTagItem("producergen.wait.polls"));
    }
}
