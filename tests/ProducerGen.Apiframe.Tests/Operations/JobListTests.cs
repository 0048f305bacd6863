using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Apiframe.Catalog;
using ProducerGen.Emulator;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Operations;

/// <summary><c>GET /v2/jobs</c>: <c>await foreach</c> across pages, filters kept on every page, page-level cursors.</summary>
public sealed class JobListTests
{
    [Fact]
    public async Task Seven_jobs_of_two_models_page_in_threes_newest_first_with_the_model_filter_on_every_page()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(o => o.TimeScale = 1000); // jobs stay pending
        using var client = ApiframeEmulator.Client(emulator);
        var submitted = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var handle = i % 3 == 2
                ? await client.Midjourney.SubmitAsync(new MidjourneyRequest($"a lighthouse, take {i}"))
                : await client.Suno.SubmitAsync(new SunoRequest($"a sea shanty, take {i}"));
            submitted.Add(handle.Id);
            await Task.Delay(5); // distinct creation times, so "newest first" is observable
        }

        var pages = new List<Page<JobSummary>>();
        await foreach (var page in client.Jobs.ListAsync(new JobsListRequest { Model = "suno" }).AsPages(pageSizeHint: 2))
        {
            pages.Add(page);
        }

        var expected = submitted.Where((_, i) => i % 3 != 2).Reverse().ToList(); // 5 suno jobs, newest first
        Assert.Equal(3, pages.Count);
        Assert.Equal(new[] { 2, 2, 1 }, pages.Select(p => p.Values.Count));
        Assert.Equal(expected, pages.SelectMany(p => p.Values).Select(j => j.Id));
        Assert.All(pages.SelectMany(p => p.Values), j => Assert.Equal("suno", j.Model));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);

        // A saved cursor resumes at the second page, filter and all.
        var resumed = new List<string>();
        await foreach (var page in client.Jobs.ListAsync(new JobsListRequest { Model = "suno" }).AsPages(pages[0].ContinuationToken, pageSizeHint: 2))
        {
            resumed.AddRange(page.Values.Select(j => j.Id!));
        }

        Assert.Equal(expected.Skip(2), resumed);

        var all = new List<JobSummary>();
        await foreach (var job in client.Jobs.ListAsync())
        {
            all.Add(job);
        }

        Assert.Equal(submitted.AsEnumerable().Reverse(), all.Select(j => j.Id));
    }

    [Fact]
    public async Task The_status_filter_lists_only_finished_jobs_and_search_finds_one_by_id()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(o => o.TimeScale = 0);
        using var client = ApiframeEmulator.Client(emulator);
        var done = await client.Suno.GenerateAsync(new SunoRequest("a lullaby"));

        var completed = new List<JobSummary>();
        await foreach (var job in client.Jobs.ListAsync(new JobsListRequest { Status = JobsListStatus.Completed }))
        {
            completed.Add(job);
        }

        var found = Assert.Single(completed);
        Assert.Equal(done.Job.Id, found.Id);
        Assert.Equal("COMPLETED", found.Status);
        Assert.NotNull(found.Result);

        var search = new List<JobSummary>();
        await foreach (var job in client.Jobs.ListAsync(new JobsListRequest { Search = done.Job.Id }))
        {
            search.Add(job);
        }

        Assert.Equal(done.Job.Id, Assert.Single(search).Id);
    }

    [Fact]
    public async Task A_page_size_outside_the_schemas_bounds_and_a_search_that_is_no_uuid_are_refused_before_sending()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in client.Jobs.ListAsync().AsPages(pageSizeHint: 101))
            {
            }
        });
        await Assert.ThrowsAsync<RequestValidationException>(async () =>
        {
            await foreach (var _ in client.Jobs.ListAsync(new JobsListRequest { Search = "not-a-uuid" }))
            {
            }
        });
        Assert.Equal(0, emulator.Stats.Requests);
    }

    [Fact]
    public async Task Listing_with_a_wrong_key_is_an_authentication_error()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator, "afk_wrong");

        await Assert.ThrowsAsync<AuthenticationException>(async () =>
        {
            await foreach (var _ in client.Jobs.ListAsync())
            {
            }
        });
    }
}
