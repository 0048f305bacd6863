using ProducerGen.Schema.Loading;

namespace ProducerGen.Emulator.Tests.Operations;

/// <summary>Every authenticated operation of the Apiframe file answers 401 without a key and with a bad one.</summary>
public sealed class OperationAuthTests
{
    public static TheoryData<string> Authenticated()
    {
        var data = new TheoryData<string>();
        foreach (var op in SchemaLoader.Load(File.ReadAllText(RepoFiles.Catalog)).Document!.Operations.Where(o => o.Authenticated))
        {
            data.Add(op.Key);
        }

        return data;
    }

    [Fact]
    public void The_catalog_file_has_its_operations()
    {
        var loaded = SchemaLoader.Load(File.ReadAllText(RepoFiles.Catalog));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics.Select(d => d.Format("apiframe"))));
        Assert.Equal(12, loaded.Document!.Operations.Count);
    }

    [Fact]
    public async Task The_info_route_lists_the_operations()
    {
        await using var t = await Ops.StartAsync();
        var (status, info) = await t.SendAsync(HttpMethod.Get, "/", key: null);
        Assert.Equal(200, status);
        var listed = info.GetProperty("operations").EnumerateArray().Select(o => o.GetString()!).ToList();
        Assert.Equal(12, listed.Count);
        Assert.Contains(listed, o => o.Contains("/v2/loras/{id}", StringComparison.Ordinal) && o.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Authenticated))]
    public async Task Without_a_key_or_with_a_bad_one_it_is_401(string key)
    {
        await using var t = await Ops.StartAsync();
        var op = t.Emulator.Schema.Operations.Single(o => o.Key == key);
        var path = System.Text.RegularExpressions.Regex.Replace(op.Request.Path, @"\{[^}]*\}", Guid.NewGuid().ToString("D")).TrimStart('/');
        foreach (var sent in new string?[] { null, "afk_not_a_key" })
        {
            var (status, body) = await t.SendAsync(new HttpMethod(op.Request.Method), path, op.Request.Method is "POST" ? Ops.Json(new { }) : null, key: sent);
            Assert.Equal(401, status);
            Assert.Equal(System.Text.Json.JsonValueKind.String, body.GetProperty("error").ValueKind);
        }
    }
}
