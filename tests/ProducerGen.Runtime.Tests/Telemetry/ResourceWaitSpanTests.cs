using System.Diagnostics;
using System.Linq;
using System.Net;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 19, item 4: waiting for a long-running resource is one Wait span, as a job's wait is, over its reads.</summary>
public sealed class ResourceWaitSpanTests
{
    private static HttpResponseMessage Lora(string id, string status, string? error = null)
        => Responses.Json(HttpStatusCode.OK, Ops.LoraJson(id, status, error));

    [Fact]
    public async Task A_resource_wait_is_one_Wait_span_parenting_every_read_with_the_resource_tags()
    {
        using var capture = new TelemetryCapture();
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Lora("l-7", "TRAINING"), () => Lora("l-7", "TRAINING"), () => Lora("l-7", "READY"));
        using var client = TestApi.Client(handler, time);

        ActivityTraceId trace;
        using (var root = TelemetryCapture.TestSource.StartActivity("test"))
        {
            trace = root!.TraceId;
            await time.DriveAsync(client.ResumeResource(Ops.Lora, "l-7", Ops.ReadId).WaitAsync());
        }

        var spans = capture.SpansOf(trace);
        var wait = Assert.Single(spans, s => s.OperationName == "ProducerGen.Wait");
        var reads = spans.Where(s => s.OperationName == "ProducerGen.Operation").ToList();
        Assert.Equal(Assert.Single(spans, s => s.OperationName == "test").SpanId, wait.ParentSpanId);
        Assert.Equal(3, reads.Count);
        Assert.All(reads, r => Assert.Equal(wait.SpanId, r.ParentSpanId));
        Assert.Equal(ActivityKind.Internal, wait.Kind);
        Assert.Equal("Apiframe", wait.GetTagItem("producergen.api"));
        Assert.Equal(Ops.Lora.Name, wait.GetTagItem("producergen.resource"));
        Assert.Equal("l-7", wait.GetTagItem("producergen.resource.id"));
        Assert.Equal("READY", wait.GetTagItem("producergen.resource.status"));
        Assert.Equal(3, wait.GetTagItem("producergen.wait.polls"));
        Assert.NotEqual(ActivityStatusCode.Error, wait.Status);
    }

    [Fact]
    public async Task A_failed_resource_marks_its_wait_with_the_exception_type_and_keeps_the_key_out()
    {
        using var capture = new TelemetryCapture();
        var time = TestApi.NewTime();
        var handler = FakeHttpHandler.Sequence(time, () => Lora("l-8", "FAILED", $"bad images (key {TestApi.Key})"));
        using var client = TestApi.Client(handler, time);

        ActivityTraceId trace;
        using (var root = TelemetryCapture.TestSource.StartActivity("test"))
        {
            trace = root!.TraceId;
            await Assert.ThrowsAsync<ResourceFailedException>(() => time.DriveAsync(client.ResumeResource(Ops.Lora, "l-8", Ops.ReadId).WaitAsync()));
        }

        var wait = Assert.Single(capture.SpansOf(trace), s => s.OperationName == "ProducerGen.Wait");
        Assert.Equal(ActivityStatusCode.Error, wait.Status);
        Assert.Equal("ProducerGen.ResourceFailedException", wait.GetTagItem("error.type"));
        Assert.Equal("FAILED", wait.GetTagItem("producergen.resource.status"));
        Assert.DoesNotContain(TestApi.Key, wait.StatusDescription ?? string.Empty, StringComparison.Ordinal);
    }
}
