namespace ProducerGen.Emulator.Tests;

/// <summary>
/// Issue 14, item 13: "you only pay for successful generations". As the provider documents (LoRA training "deducts
/// credits up-front, refunded on any subsequent failure"; upscale "failures return 400 before any credits are
/// deducted"), a job's cost is taken when it is created, so a short balance is a 402 at submission, and given back
/// when the job fails.
/// </summary>
public sealed class CreditTests
{
    private const string Poor = "afk_metered";

    [Fact]
    public async Task A_failed_job_leaves_the_balance_unchanged()
    {
        await using var t = await Start(100, failJobs: true);
        var id = await t.SubmitAsync(TestEmulator.ProducerBody(), key: Poor);
        Assert.Equal(90, t.Emulator.GetCredits(Poor)); // reserved while it runs

        t.Time.Advance(TimeSpan.FromSeconds(45));
        var job = await t.GetJobAsync(id, Poor);
        Assert.Equal("FAILED", job.GetProperty("status").GetString());
        OpenApi.AssertDocumentedResponse("GET", "/v2/jobs/{id}", 200, job);
        Assert.Equal(100, t.Emulator.GetCredits(Poor));
        Assert.Equal(100, t.Emulator.GetCredits(Poor)); // refunded once, not on every read
        Assert.Equal(10, t.Stats.CreditsCharged(Poor));
        Assert.Equal(10, t.Stats.CreditsRefunded(Poor));
    }

    [Fact]
    public async Task A_completed_job_is_charged_once()
    {
        await using var t = await Start(100, failJobs: false);
        var id = await t.SubmitAsync(TestEmulator.ProducerBody(), key: Poor);
        Assert.Equal(90, t.Emulator.GetCredits(Poor));
        t.Time.Advance(TimeSpan.FromSeconds(45));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("COMPLETED", (await t.GetJobAsync(id, Poor)).GetProperty("status").GetString());
        }

        t.Time.Advance(TimeSpan.FromHours(25)); // past asset retention too
        Assert.Equal(90, t.Emulator.GetCredits(Poor));
        Assert.Equal(10, t.Stats.CreditsCharged(Poor));
        Assert.Equal(0, t.Stats.CreditsRefunded(Poor));
    }

    [Theory]
    [InlineData(false, 90)]
    [InlineData(true, 100)]
    public async Task An_idempotent_replay_is_not_charged_again_nor_refunded_twice(bool failJobs, long balanceAfter)
    {
        await using var t = await Start(100, failJobs);
        var body = TestEmulator.ProducerBody();
        var first = await t.SubmitAsync(body, key: Poor, idempotencyKey: "order-1");
        Assert.Equal(first, await t.SubmitAsync(body, key: Poor, idempotencyKey: "order-1"));
        Assert.Equal(90, t.Emulator.GetCredits(Poor));

        t.Time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(first, await t.SubmitAsync(body, key: Poor, idempotencyKey: "order-1")); // replay of the finished job
        Assert.Equal(balanceAfter, t.Emulator.GetCredits(Poor));
        Assert.Equal(1, t.Stats.JobsCreatedFor(Poor, "order-1"));
        Assert.Equal(10, t.Stats.CreditsCharged(Poor));
        Assert.Equal(2, t.Stats.IdempotentReplays);
    }

    [Fact]
    public async Task A_running_job_holds_its_credits_so_the_next_submission_is_a_402_until_it_fails()
    {
        await using var t = await Start(15, failJobs: true);
        await t.SubmitAsync(TestEmulator.ProducerBody(), key: Poor);

        var refused = (await ReadResponse.ReadAsync(await t.PostAsync(TestEmulator.ProducerBody("another"), key: Poor))).AssertError(402);
        Assert.Equal("Insufficient credits", refused.GetProperty("error").GetString());
        Assert.Equal(10, refused.GetProperty("creditsRequired").GetInt64());
        Assert.Equal(5, refused.GetProperty("creditsAvailable").GetInt64());
        OpenApi.AssertDocumentedResponse("POST", "/v2/music/generate", 402, refused);

        // The refund is made when the job fails, whether or not anyone polled it.
        t.Time.Advance(TimeSpan.FromSeconds(45));
        await t.SubmitAsync(TestEmulator.ProducerBody("another"), key: Poor);
        Assert.Equal(5, t.Emulator.GetCredits(Poor));
        Assert.Equal(2, t.Stats.JobsCreatedFor(Poor));
    }

    [Fact]
    public async Task A_refund_goes_to_the_key_that_paid()
    {
        await using var t = await Start(100, failJobs: true);
        t.Emulator.SetApiKey(new EmulatorApiKey("afk_bystander", Credits: 50));
        await t.SubmitAsync(TestEmulator.ProducerBody(), key: Poor);
        t.Time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(50, t.Emulator.GetCredits("afk_bystander"));
        Assert.Equal(100, t.Emulator.GetCredits(Poor));
        Assert.Null(t.Emulator.GetCredits(TestEmulator.Key)); // unlimited keys stay unlimited
    }

    private static Task<TestEmulator> Start(long credits, bool failJobs) => TestEmulator.StartAsync(o =>
    {
        o.ApiKeys.Add(new EmulatorApiKey(Poor, Credits: credits));
        o.CreditCost = 10;
        o.Faults.FailJobRate = failJobs ? 1 : 0;
    });
}
