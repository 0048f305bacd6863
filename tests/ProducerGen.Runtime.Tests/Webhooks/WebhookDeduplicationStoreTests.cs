using System.Linq;

namespace ProducerGen.Runtime.Tests;

public class WebhookDeduplicationStoreTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_mark_is_made_once_and_seen_until_it_expires()
    {
        var time = TestApi.NewTime();
        var store = new InMemoryWebhookDeduplicationStore(timeProvider: time);

        Assert.False(await store.IsMarkedAsync("a"));
        Assert.True(await store.TryMarkAsync("a", Ttl));
        Assert.False(await store.TryMarkAsync("a", Ttl));
        Assert.True(await store.IsMarkedAsync("a"));

        time.Advance(Ttl - TimeSpan.FromSeconds(1));
        Assert.True(await store.IsMarkedAsync("a"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await store.IsMarkedAsync("a"));
        Assert.True(await store.TryMarkAsync("a", Ttl));
    }

    [Fact]
    public async Task Expired_marks_are_dropped_so_the_store_stays_small()
    {
        var time = TestApi.NewTime();
        var store = new InMemoryWebhookDeduplicationStore(timeProvider: time);
        for (var i = 0; i < 100; i++)
        {
            await store.TryMarkAsync("k" + i, Ttl);
        }

        time.Advance(Ttl);
        await store.TryMarkAsync("fresh", Ttl);

        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Past_its_capacity_the_oldest_marks_go_first()
    {
        var store = new InMemoryWebhookDeduplicationStore(capacity: 3, timeProvider: TestApi.NewTime());
        foreach (var key in new[] { "1", "2", "3", "4" })
        {
            Assert.True(await store.TryMarkAsync(key, Ttl));
        }

        Assert.Equal(3, store.Count);
        Assert.False(await store.IsMarkedAsync("1"));
        Assert.True(await store.IsMarkedAsync("2"));
        Assert.True(await store.IsMarkedAsync("4"));
    }

    [Fact]
    public async Task Concurrent_marks_of_one_key_succeed_once()
    {
        var store = new InMemoryWebhookDeduplicationStore();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await store.TryMarkAsync("same", Ttl))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryWebhookDeduplicationStore(capacity: 0));
        var store = new InMemoryWebhookDeduplicationStore();
        Assert.Throws<ArgumentOutOfRangeException>(() => store.TryMarkAsync("a", TimeSpan.Zero).AsTask().GetAwaiter().GetResult());
    }
}
