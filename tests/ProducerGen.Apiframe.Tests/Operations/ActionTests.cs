using System;
using System.Linq;
using System.Threading.Tasks;
using Apiframe.Catalog;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Operations;

/// <summary>Follow-up actions: a new job from a finished job's output, typed by the action kinds the document lists.</summary>
public sealed class ActionTests
{
    [Fact]
    public async Task Upsampling_a_finished_midjourney_grid_creates_a_job_with_one_image_and_a_variation_four()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);
        var grid = await client.Midjourney.GenerateAsync(new MidjourneyRequest("a lighthouse at dusk"));

        var child = await client.Midjourney.ActionAsync(new MidjourneyUpsampleAction(grid.Job.Id, 2));
        var upscaled = await client.Midjourney.WaitAsync(child.Id);

        Assert.NotEqual(grid.Job.Id, child.Id);
        Assert.Equal("midjourney", child.ModelId);
        // An upsample is one output, a variation four (each output is still a media file plus its preview in the emulator: issue 18).
        var variations = await client.Midjourney.WaitAsync((await client.Midjourney.ActionAsync(new MidjourneyVariationAction(grid.Job.Id, 3))).Id);
        Assert.NotEmpty(upscaled.OutputUrls);
        Assert.Equal(4 * upscaled.OutputUrls.Count, variations.OutputUrls.Count);
    }

    [Fact]
    public async Task Edits_take_an_upsampled_image_and_grid_actions_a_grid_as_midjourney_rules_say()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);
        var grid = await client.Midjourney.GenerateAsync(new MidjourneyRequest("a harbour at night"));

        await Assert.ThrowsAsync<ConflictException>(() => client.Midjourney.ActionAsync(new MidjourneyPanAction(grid.Job.Id, MidjourneyPanActionDirection.Up)));
        var upsampled = await client.Midjourney.WaitAsync((await client.Midjourney.ActionAsync(new MidjourneyUpsampleAction(grid.Job.Id, 1))).Id);
        await Assert.ThrowsAsync<ConflictException>(() => client.Midjourney.ActionAsync(new MidjourneyVariationAction(upsampled.Job.Id, 1)));

        var panned = await client.Midjourney.ActionAsync(new MidjourneyPanAction(upsampled.Job.Id, MidjourneyPanActionDirection.Up));
        var outpainted = await client.Midjourney.ActionAsync(new MidjourneyOutpaintAction(upsampled.Job.Id, 2));
        Assert.NotEmpty((await client.Midjourney.WaitAsync(panned.Id)).OutputUrls);
        Assert.NotEmpty((await client.Midjourney.WaitAsync(outpainted.Id)).OutputUrls);
    }

    [Fact]
    public async Task Extending_a_finished_suno_song_creates_a_job_with_two_tracks()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);
        var song = await client.Suno.GenerateAsync(new SunoRequest("a sea shanty"));

        var child = await client.Suno.ActionAsync(new SunoExtendAction(song.Job.Id) { Index = 1, ContinueAt = 30, Title = "Part two" });
        var extended = await client.Suno.WaitAsync(child.Id);

        Assert.Equal(2, extended.Tracks.Count);
        Assert.All(extended.Tracks, t => Assert.NotNull(t.AudioUrl));
    }

    [Fact]
    public async Task An_action_on_an_unfinished_parent_is_a_conflict_and_on_an_unknown_one_not_found()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(o => o.TimeScale = 1000);
        using var client = ApiframeEmulator.Client(emulator);
        var running = await client.Midjourney.SubmitAsync(new MidjourneyRequest("a lighthouse at dawn"));

        await Assert.ThrowsAsync<ConflictException>(() => client.Midjourney.ActionAsync(new MidjourneyVariationAction(running.Id, 1)));
        await Assert.ThrowsAsync<NotFoundException>(() => client.Midjourney.ActionAsync(new MidjourneyPanAction(Guid.NewGuid().ToString(), MidjourneyPanActionDirection.Left)));
    }

    [Fact]
    public async Task An_index_outside_the_grid_and_a_parent_that_is_no_uuid_are_refused_before_sending()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.Midjourney.ActionAsync(new MidjourneyUpsampleAction("parent-1", 5)));

        Assert.Contains(error.Errors, e => e.Path == "index");
        Assert.Contains(error.Errors, e => e.Path == "parentJobId");
        Assert.Equal(0, emulator.Stats.Requests);
    }
}
