using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using System.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProducerGen.Reliability.Tests;

namespace ProducerGen.Runtime.Tests;

/// <summary>Issue 17 on the wire (real Kestrel on loopback): the key header, bodies by method, a 503-retried DELETE, and paging.</summary>
public sealed class OperationWireTests
{
    private sealed record Seen(string Method, string Path, string Query, string? Key, string? IdempotencyKey, long? ContentLength, byte[] Body);

    private static async Task<(WebApplication App, ConcurrentQueue<Seen> Seen)> StartAsync(Func<HttpContext, int, Task> answer)
    {
        var seen = new ConcurrentQueue<Seen>();
        var count = 0;
        var app = await LoopbackServer.StartAsync(async ctx =>
        {
            using var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body);
            seen.Enqueue(new Seen(ctx.Request.Method, ctx.Request.Path.Value!, ctx.Request.QueryString.Value ?? string.Empty, ctx.Request.Headers["X-API-Key"].FirstOrDefault(), ctx.Request.Headers["Idempotency-Key"].FirstOrDefault(), ctx.Request.ContentLength, body.ToArray()));
            await answer(ctx, Interlocked.Increment(ref count));
        });
        return (app, seen);
    }

    private static ProducerGenClient Client(WebApplication app) => new(TestApi.Api, new ProducerGenClientOptions
    {
        ApiKey = TestApi.Key,
        BaseAddress = new Uri(app.Urls.First()),
        Retry = new RetryOptions { UseJitter = false, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20) },
    });

    [Fact]
    public async Task A_public_operation_reaches_the_server_without_the_key_and_a_private_one_with_it()
    {
        var (app, seen) = await StartAsync((ctx, _) => ctx.Response.WriteAsync("{}"));
        await using (app)
        {
            using var client = Client(app);
            await client.SendOperationAsync(Ops.Catalog, [], null);
            await client.SendOperationAsync(Ops.Get, ["a/b"], null);
        }

        var (catalog, get) = (seen.ElementAt(0), seen.ElementAt(1));
        Assert.Null(catalog.Key);
        Assert.Equal(TestApi.Key, get.Key);
        Assert.Equal("/v2/loras/a%2Fb", get.Path);
        Assert.Empty(get.Body);
    }

    [Fact]
    public async Task A_delete_answered_503_is_sent_again_without_a_body_and_a_post_carries_its_json()
    {
        var (app, seen) = await StartAsync((ctx, n) =>
        {
            ctx.Response.StatusCode = n == 1 ? 503 : n == 2 ? 204 : 202;
            return n == 3 ? ctx.Response.WriteAsync("""{"id":"l9","status":"PENDING"}""") : Task.CompletedTask;
        });
        await using (app)
        {
            using var client = Client(app);
            var deleted = await client.SendOperationAsync(Ops.Delete, ["l1"], new TestRequest("not sent"));
            Assert.Equal(204, deleted.StatusCode);
            Assert.Null(deleted.Body);

            var lora = await client.StartResourceAsync(Ops.Train, Ops.Lora, [], new TestRequest("train"), Ops.ReadId, new RequestOptions { IdempotencyKey = "t-1" });
            Assert.Equal("l9", lora.Id);
        }

        Assert.Equal(["DELETE", "DELETE", "POST"], seen.Select(s => s.Method));
        Assert.All(seen.Take(2), s => Assert.True(s.Body.Length == 0 && s.ContentLength is null or 0));
        Assert.Equal("""{"model":"producer","prompt":"train"}""", Encoding.UTF8.GetString(seen.ElementAt(2).Body));
        Assert.Equal("t-1", seen.ElementAt(2).IdempotencyKey);
    }

    [Fact]
    public async Task Three_pages_keep_the_filter_and_send_the_cursor()
    {
        var (app, seen) = await StartAsync((ctx, _) =>
        {
            var cursor = HttpUtility.ParseQueryString(ctx.Request.QueryString.Value ?? string.Empty)["cursor"];
            return ctx.Response.WriteAsync(cursor switch
            {
                null => """{"data":[{"id":"a"}],"nextCursor":"p2"}""",
                "p2" => """{"data":[{"id":"b"}],"nextCursor":"p3"}""",
                _ => """{"data":[{"id":"c"}],"nextCursor":null}""",
            });
        });
        var ids = new System.Collections.Generic.List<string>();
        await using (app)
        {
            using var client = Client(app);
            await foreach (var id in client.GetPageable(Ops.List, new PageDescription("data", "cursor", "nextCursor"), [], new FilterRequest { Status = "READY" }, Ops.ReadId))
            {
                ids.Add(id);
            }
        }

        Assert.Equal(["a", "b", "c"], ids);
        Assert.Equal(["?status=READY", "?status=READY&cursor=p2", "?status=READY&cursor=p3"], seen.Select(s => s.Query));
    }
}
