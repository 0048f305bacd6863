using System.Linq;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 19, item 4: the instruments' attributes, and the builder helpers that register the source and the meter.</summary>
public sealed class InstrumentationTests
{
    [Fact]
    public async Task Polls_are_counted_by_api_model_and_outcome_and_never_by_job()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        using var client = api.Client();

        await client.SubmitAndWaitAsync(api.Model, new TestRequest("x"));

        var points = capture.Points("producergen.polls", api.ModelId);
        Assert.All(points, p => Assert.Equal("Apiframe", p.Tags["producergen.api"]));
        Assert.All(points, p => Assert.Equal(["producergen.api", "producergen.model", "producergen.poll.outcome"], p.Tags.Keys.Order()));
        var byOutcome = points.ToDictionary(p => (string)p.Tags["producergen.poll.outcome"]!, p => p.Sum);
        Assert.Equal(2, byOutcome["pending"]);   // QUEUED, PROCESSING
        Assert.Equal(1, byOutcome["succeeded"]); // COMPLETED
        Assert.Equal(api.Polls, byOutcome.Values.Sum());
    }

    [Fact]
    public async Task A_poll_that_throws_is_counted_with_outcome_error()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        api.DropPolls = true;
        using var client = api.Client();

        await Assert.ThrowsAsync<TransportException>(() => client.Jobs.WaitAsync(api.JobId, api.Model));

        var point = Assert.Single(capture.Points("producergen.polls", api.ModelId));
        Assert.Equal("error", point.Tags["producergen.poll.outcome"]);
        Assert.Equal(1, point.Sum);
    }

    [Fact]
    public async Task The_job_duration_carries_the_api_model_and_terminal_status()
    {
        using var capture = new TelemetryCapture();
        await using var api = await LoopbackJobApi.StartAsync();
        using var client = api.Client();

        await client.SubmitAndWaitAsync(api.Model, new TestRequest("x"));

        var point = Assert.Single(capture.Points("producergen.job.duration", api.ModelId));
        Assert.Equal("Apiframe", point.Tags["producergen.api"]);
        Assert.Equal("COMPLETED", point.Tags["producergen.job.status"]);
        Assert.Equal(1, point.Count);
    }

    [Fact]
    public async Task A_provider_with_only_AddProducerGenInstrumentation_sees_the_runtime_spans()
    {
        using var capture = new TelemetryCapture(withTestSource: false);
        await using var api = await LoopbackJobApi.StartAsync();
        using var client = api.Client();

        await client.SubmitAndWaitAsync(api.Model, new TestRequest("x"));

        // No span of the test's own: this job's spans are found by its unique id.
        var generate = Assert.Single(capture.AllSpans(), s => s.OperationName == "ProducerGen.Generate" && Equals(s.GetTagItem("producergen.job.id"), api.JobId));
        var trace = capture.SpansOf(generate.TraceId);
        Assert.Contains(trace, s => s.OperationName == "ProducerGen.Submit");
        Assert.Contains(trace, s => s.OperationName == "ProducerGen.Wait");
        Assert.Equal(api.Polls, trace.Count(s => s.OperationName == "ProducerGen.Poll"));
    }
}
