using System.Diagnostics;
using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 19, item 4: failed spans carry <c>error.type</c> and an Error status whose description never holds the key.</summary>
public sealed class SpanFailureTests
{
    [Fact]
    public async Task A_4xx_submission_marks_the_Submit_and_Generate_spans_with_the_status_code()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        api.SubmitStatus = 422;
        using var client = api.Client();

        var (spans, exception) = await RunInTrace(capture, () => client.SubmitAndWaitAsync(api.Model, new TestRequest("x")));

        Assert.IsAssignableFrom<ProducerGenException>(exception);
        var submit = Assert.Single(spans, s => s.OperationName == "ProducerGen.Submit");
        var generate = Assert.Single(spans, s => s.OperationName == "ProducerGen.Generate");
        foreach (var span in new[] { submit, generate })
        {
            Assert.Equal("422", span.GetTagItem("error.type"));
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.False(string.IsNullOrEmpty(span.StatusDescription));
            Assert.DoesNotContain(TestApi.Key, span.StatusDescription, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(spans, s => s.OperationName == "ProducerGen.Wait");
    }

    [Fact]
    public async Task A_poll_that_loses_its_connection_marks_the_Poll_and_the_Wait_with_the_exception_type()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        api.DropPolls = true;
        using var client = api.Client();

        var (spans, exception) = await RunInTrace(capture, () => client.Jobs.WaitAsync(api.JobId));

        Assert.IsType<TransportException>(exception);
        var poll = Assert.Single(spans, s => s.OperationName == "ProducerGen.Poll");
        var wait = Assert.Single(spans, s => s.OperationName == "ProducerGen.Wait");
        Assert.Equal("ProducerGen.TransportException", poll.GetTagItem("error.type"));
        Assert.Equal("ProducerGen.TransportException", wait.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, poll.Status);
        Assert.Equal(ActivityStatusCode.Error, wait.Status);
        Assert.Equal(1, wait.GetTagItem("producergen.wait.polls"));
    }

    [Fact]
    public async Task A_wait_that_runs_out_of_time_is_marked_with_the_timeout_exception_type()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        api.Statuses = ["PROCESSING"];
        using var client = api.Client(o => o.Waiting.MaxWait = TimeSpan.FromMilliseconds(300));

        var (spans, exception) = await RunInTrace(capture, () => client.Jobs.WaitAsync(api.JobId));

        Assert.IsType<JobTimeoutException>(exception);
        var wait = Assert.Single(spans, s => s.OperationName == "ProducerGen.Wait");
        Assert.Equal("ProducerGen.JobTimeoutException", wait.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, wait.Status);
        Assert.Equal("PROCESSING", wait.GetTagItem("producergen.job.status"));
        Assert.True(api.Polls >= 2, $"polls: {api.Polls}");
        Assert.All(spans.Where(s => s.OperationName == "ProducerGen.Poll"), p => Assert.Equal(wait.SpanId, p.ParentSpanId));
    }

    [Fact]
    public async Task A_job_that_ends_failed_marks_the_Wait_though_the_polls_succeeded()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        api.Statuses = ["PROCESSING", "FAILED"];
        using var client = api.Client();

        var (spans, exception) = await RunInTrace(capture, () => client.Jobs.WaitAsync(api.JobId));

        Assert.Null(exception); // waiting returns the failed job
        var wait = Assert.Single(spans, s => s.OperationName == "ProducerGen.Wait");
        Assert.Equal("ProducerGen.JobFailedException", wait.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, wait.Status);
        Assert.Equal("FAILED", wait.GetTagItem("producergen.job.status"));
        Assert.All(spans.Where(s => s.OperationName == "ProducerGen.Poll"), p => Assert.Null(p.GetTagItem("error.type")));
    }

    [Fact]
    public async Task A_submit_and_wait_of_a_failed_job_marks_the_Generate_span_with_JobFailedException()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        api.Statuses = ["FAILED"];
        using var client = api.Client();

        var (spans, exception) = await RunInTrace(capture, () => client.SubmitAndWaitAsync(api.Model, new TestRequest("x")));

        Assert.IsType<JobFailedException>(exception);
        var generate = Assert.Single(spans, s => s.OperationName == "ProducerGen.Generate");
        Assert.Equal("ProducerGen.JobFailedException", generate.GetTagItem("error.type"));
        Assert.Null(Assert.Single(spans, s => s.OperationName == "ProducerGen.Submit").GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_download_answered_404_marks_the_Download_span_with_the_status_code()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        using var client = api.Client();
        using var sink = new System.IO.MemoryStream();

        var (spans, exception) = await RunInTrace(capture, () => client.DownloadAsync(new Uri(api.BaseAddress, "/files/gone.mp3"), sink));

        Assert.IsAssignableFrom<ProducerGenException>(exception);
        var download = Assert.Single(spans, s => s.OperationName == "ProducerGen.Download");
        Assert.Equal("404", download.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, download.Status);
    }

    [Fact]
    public async Task An_operation_answered_404_marks_the_Operation_span_with_the_status_code()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        using var client = api.Client();
        var getFile = new OperationDescription("getFile", "GET", "/files/{name}");

        var (spans, exception) = await RunInTrace(capture, () => client.SendOperationAsync(getFile, ["missing"], request: null));

        Assert.IsType<NotFoundException>(exception);
        var operation = Assert.Single(spans, s => s.OperationName == "ProducerGen.Operation");
        Assert.Equal("404", operation.GetTagItem("error.type"));
        Assert.Equal(404, operation.GetTagItem("http.response.status_code"));
        Assert.Equal("getFile", operation.GetTagItem("producergen.operation"));
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
    }

    [Fact]
    public async Task A_status_echoing_the_key_reaches_no_span_tag()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        api.Statuses = [$"STUCK_{TestApi.Key}", "COMPLETED"];
        using var client = api.Client();

        var (spans, _) = await RunInTrace(capture, () => client.Jobs.WaitAsync(api.JobId));

        var tagged = spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty).ToList();
        Assert.Contains(tagged, v => v.Contains("STUCK_", StringComparison.Ordinal)); // the status was tagged, redacted
        Assert.DoesNotContain(tagged, v => v.Contains(TestApi.Key, StringComparison.Ordinal));
    }

    [Fact]
    public void The_error_type_is_the_status_code_of_an_error_answer_else_the_exception_type()
    {
        Assert.Equal("503", SpanFailure.ErrorType(new ProducerGenException("down", new ApiResponseInfo(503, null, null, null))));
        Assert.Equal("ProducerGen.UnexpectedResponseException", SpanFailure.ErrorType(new UnexpectedResponseException("odd 200", new ApiResponseInfo(200, null, null, null))));
        Assert.Equal("System.OperationCanceledException", SpanFailure.ErrorType(new OperationCanceledException()));
    }

    private static async Task<(System.Collections.Generic.IReadOnlyList<Activity> Spans, Exception? Exception)> RunInTrace<T>(TelemetryCapture capture, Func<Task<T>> call)
    {
        ActivityTraceId trace;
        Exception? caught = null;
        using (var root = TelemetryCapture.TestSource.StartActivity("test"))
        {
            trace = root!.TraceId;
            try
            {
                await call();
            }
            catch (Exception exception)
            {
                caught = exception;
            }
        }

        return (capture.SpansOf(trace), caught);
    }
}
