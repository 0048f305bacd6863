using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Apiframe.Catalog;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Operations;

/// <summary>LoRA training: a multipart create answering 202, waited on like a job, listed, archived.</summary>
public sealed class LoraTests
{
    private static LorasCreateRequest Training(int images = 15) =>
        new(Enumerable.Range(0, images).Select(i => FileUpload.FromBytes(Media.Png(128 + i), $"anna-{i}.png")).ToList(), "Anna")
        {
            SubjectKind = LorasCreateSubjectKind.Person,
            Gender = LorasCreateGender.Female,
            Ethnicity = "mixed",
            Steps = 1000,
            WebhookEvents = new[] { LorasCreateWebhookEvent.Completed, LorasCreateWebhookEvent.Failed },
        };

    [Fact]
    public async Task A_lora_trains_to_ready_is_listed_and_archives_idempotently()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);

        var training = await client.Loras.CreateAsync(Training());
        Assert.Equal("PENDING", training.Status);
        var lora = await training.WaitAsync();

        Assert.Equal(training.Id, lora.Id);
        Assert.Equal("READY", lora.Status);
        Assert.True(lora.IsReady);
        Assert.Equal(15, lora.ImageCount);
        Assert.True(training.HasCompleted);

        var again = await client.Loras.GetAsync(lora.Id!);
        Assert.Equal("READY", again.Status);
        var resumed = await client.Loras.GetLoraOperation(lora.Id!).WaitAsync();
        Assert.Equal(lora.Id, resumed.Id);

        Assert.Contains(await ListAsync(client, includeArchived: false), l => l.Id == lora.Id);
        await client.Loras.DeleteAsync(lora.Id!);
        await client.Loras.DeleteAsync(lora.Id!); // archiving an archived LoRA succeeds too
        Assert.DoesNotContain(await ListAsync(client, includeArchived: false), l => l.Id == lora.Id);
        Assert.Contains(await ListAsync(client, includeArchived: true), l => l.Id == lora.Id && l.Status == "ARCHIVED");
    }

    [Fact]
    public async Task A_failed_training_throws_the_resources_error_and_refunds_its_credits()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(o =>
        {
            o.Faults.FailJobRate = 1;
            o.ApiKeys.Clear();
            o.ApiKeys.Add(new ProducerGen.Emulator.EmulatorApiKey("afk_budget", Credits: 10));
        });
        using var client = ApiframeEmulator.Client(emulator, "afk_budget");

        var training = await client.Loras.CreateAsync(Training());
        var error = await Assert.ThrowsAsync<ResourceFailedException>(() => training.WaitAsync());

        Assert.Equal(training.Id, error.ResourceId);
        Assert.Equal("FAILED", error.Status);
        Assert.Equal(10, (await client.Account.GetAsync()).Team?.Credits);
    }

    [Fact]
    public async Task Fourteen_images_are_refused_before_sending_and_an_unknown_lora_is_not_found()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.Loras.CreateAsync(Training(images: 14)));
        Assert.Contains(error.Errors, e => e.Path == "images");
        Assert.Equal(0, emulator.Stats.Requests);

        var unknown = Guid.NewGuid().ToString();
        await Assert.ThrowsAsync<NotFoundException>(() => client.Loras.GetAsync(unknown));
        await Assert.ThrowsAsync<NotFoundException>(() => client.Loras.DeleteAsync(unknown));
    }

    [Fact]
    public async Task An_image_over_10_MB_is_refused_before_sending()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator);
        var request = Training();
        request.Images[3] = FileUpload.FromBytes(Media.Png((10 * 1024 * 1024) + 1), "huge.png");

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.Loras.CreateAsync(request));

        Assert.Contains(error.Errors, e => e.Path.StartsWith("images", StringComparison.Ordinal));
        Assert.Equal(0, emulator.Stats.Requests);
    }

    [Fact]
    public async Task Training_with_a_wrong_key_is_an_authentication_error()
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator, "afk_wrong");

        await Assert.ThrowsAsync<AuthenticationException>(() => client.Loras.CreateAsync(Training()));
    }

    private static async Task<List<Lora>> ListAsync(ApiframeClient client, bool includeArchived)
    {
        var loras = new List<Lora>();
        await foreach (var lora in client.Loras.ListAsync(new LorasListRequest { IncludeArchived = includeArchived }))
        {
            loras.Add(lora);
        }

        return loras;
    }
}
