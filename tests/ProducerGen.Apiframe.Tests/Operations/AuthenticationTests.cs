using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Apiframe.Catalog;
using Xunit;

namespace ProducerGen.Apiframe.Tests.Operations;

/// <summary>Every operation that takes the key answers a wrong one with the typed authentication error.</summary>
public sealed class AuthenticationTests
{
    public static TheoryData<string> Operations => new()
    {
        "getMe", "listJobs", "createUpload", "createAsset", "getAsset", "createLora", "getLora", "listLoras", "deleteLora", "midjourneyAction", "sunoAction",
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_wrong_key_is_an_authentication_error(string operation)
    {
        await using var emulator = await ApiframeEmulator.StartAsync();
        using var client = ApiframeEmulator.Client(emulator, "afk_wrong");
        var id = Guid.NewGuid().ToString();

        Func<Task> call = operation switch
        {
            "getMe" => () => client.Account.GetAsync(),
            "listJobs" => async () => await client.Jobs.ListAsync().AsPages().GetAsyncEnumerator().MoveNextAsync(),
            "createUpload" => () => client.Uploads.CreateAsync(new UploadsCreateRequest(FileUpload.FromBytes(Media.Png(), "a.png"))),
            "createAsset" => () => client.Assets.CreateAsync(new AssetsCreateRequest(AssetsCreateType.Image, new Uri("https://cdn.example/a.png"))),
            "getAsset" => () => client.Assets.GetAsync("asset-1"),
            "createLora" => () => client.Loras.CreateAsync(new LorasCreateRequest(Enumerable.Range(0, 15).Select(i => FileUpload.FromBytes(Media.Png(), $"{i}.png")).ToList(), "x") { SubjectKind = LorasCreateSubjectKind.Style }),
            "getLora" => () => client.Loras.GetAsync(id),
            "listLoras" => async () => await client.Loras.ListAsync().GetAsyncEnumerator().MoveNextAsync(),
            "deleteLora" => () => client.Loras.DeleteAsync(id),
            "midjourneyAction" => () => client.Midjourney.ActionAsync(new MidjourneyUpsampleAction(id, 1)),
            "sunoAction" => () => client.Suno.ActionAsync(new SunoStemsAction(id) { Index = 1 }),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        await Assert.ThrowsAsync<AuthenticationException>(call);
        Assert.True(emulator.Stats.Requests >= 1);
    }
}
