using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ProducerGen.Runtime.Tests.Testing;

/// <summary>The runtime model factory: jobs built without JSON mean what the API's statuses say, as parsed jobs do.</summary>
public sealed class ProducerGenModelFactoryTests
{
    // Another provider's spelling, so the meaning can only come from the description.
    private static readonly ApiDescription Replicate = new(
        "Replicate", new Uri("https://api.replicate.test"), "Authorization", null, null, null, "/v1/predictions/{id}", "id",
        ["starting", "processing"], ["succeeded"], ["failed", "canceled"], null, null, authPrefix: null);

    [Theory]
    [InlineData("succeeded", true, false, false)]
    [InlineData("canceled", false, true, false)]
    [InlineData("processing", false, false, true)]
    [InlineData("COMPLETED", false, false, true)] // Apiframe's word means nothing here: an unknown status is pending
    public void A_jobs_state_follows_the_apis_statuses(string status, bool succeeded, bool failed, bool pending)
    {
        var job = ProducerGenModelFactory.Job(Replicate, "p-1", status);

        Assert.Equal(succeeded, job.IsSucceeded);
        Assert.Equal(failed, job.IsFailed);
        Assert.Equal(pending, job.IsPending);
        Assert.Equal(job.IsFailed, Record.Exception(() => job.EnsureSucceeded()) is JobFailedException);
    }

    [Fact]
    public void Without_a_status_the_job_has_the_apis_first_succeeded_one()
    {
        Assert.Equal("succeeded", ProducerGenModelFactory.Job(Replicate).Status);
        Assert.Equal("COMPLETED", ProducerGenModelFactory.Job(TestApi.Api).Status);
    }

    [Fact]
    public void Output_urls_are_found_in_the_result_json_unless_given()
    {
        using var document = JsonDocument.Parse("""{"tracks":[{"audioUrl":"https://cdn.test/a.mp3","imageUrl":"https://cdn.test/a.png"}]}""");
        var fromResult = ProducerGenModelFactory.Job(TestApi.Api, result: document.RootElement);
        var given = ProducerGenModelFactory.Job(TestApi.Api, result: document.RootElement, outputUrls: [new Uri("https://cdn.test/content/0")]);

        Assert.Equal(["https://cdn.test/a.mp3", "https://cdn.test/a.png"], fromResult.GetOutputUrls().Select(u => u.AbsoluteUri));
        Assert.Equal(["https://cdn.test/content/0"], given.GetOutputUrls().Select(u => u.AbsoluteUri));
        Assert.Empty(ProducerGenModelFactory.Job(TestApi.Api).GetOutputUrls());
    }

    [Fact]
    public void Every_member_given_is_kept_and_the_json_outlives_its_document()
    {
        var created = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        Job job;
        using (var document = JsonDocument.Parse("""{"text":"hi"}"""))
        {
            job = ProducerGenModelFactory.Job(TestApi.Api, "job-5", "FAILED", "producer", progress: 40, error: "boom", errorCode: "E42",
                result: document.RootElement, createdAt: created, completedAt: created.AddMinutes(1), creditCost: 7, expired: true,
                webhookStatus: "delivered", input: document.RootElement, raw: document.RootElement);
        }

        Assert.Equal(("job-5", "FAILED", "producer", 40, "boom", "E42"), (job.Id, job.Status, job.Model, job.Progress, job.Error, job.ErrorCode));
        Assert.Equal((created, created.AddMinutes(1), 7L, true, "delivered"), (job.CreatedAt, job.CompletedAt, job.CreditCost, job.Expired, job.WebhookStatus));
        Assert.Equal("hi", job.Result!.Value.GetProperty("text").GetString()); // cloned: the document is disposed
        Assert.Equal("hi", job.Input!.Value.GetProperty("text").GetString());
        Assert.Equal("hi", job.Raw.GetProperty("text").GetString());
        Assert.Equal("Job job-5 FAILED 40%", job.ToString());
    }

    [Fact]
    public void An_api_without_succeeded_statuses_needs_a_status()
    {
        var noSucceeded = new ApiDescription("Odd", new Uri("https://odd.test"), "X-Key", null, null, null, "/jobs/{id}", "id", ["queued"], [], ["failed"], null, null, authPrefix: null);

        Assert.Throws<ArgumentException>(() => ProducerGenModelFactory.Job(noSucceeded));
        Assert.True(ProducerGenModelFactory.Job(noSucceeded, status: "queued").IsPending);
        Assert.Throws<ArgumentException>(() => ProducerGenModelFactory.Job(TestApi.Api, id: ""));
    }

    [Fact]
    public void Handles_and_operation_responses_carry_what_they_are_given()
    {
        var submitted = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var handle = ProducerGenModelFactory.JobHandle("job-1", "QUEUED", "producer", "key-1", TimeSpan.FromSeconds(45), submitted, new Uri("https://api.test/s/1"));
        using var document = JsonDocument.Parse("""{"ok":true}""");
        var response = ProducerGenModelFactory.OperationResponse(201, document.RootElement, "req-9");

        Assert.Equal(new JobHandle("job-1", "QUEUED", "producer", "key-1", TimeSpan.FromSeconds(45)) { SubmittedAt = submitted, StatusUrl = new Uri("https://api.test/s/1") }, handle);
        Assert.Equal((201, "req-9"), (response.StatusCode, response.RequestId));
        Assert.True(response.Body!.Value.GetProperty("ok").GetBoolean());
    }
}
