// A client process the crash-and-resume tests kill on purpose.
//   Crasher <baseUrl> <apiKey> <idempotencyKey> wait    submit, print "JOB <id>", then wait for the job (killed meanwhile)
//   Crasher <baseUrl> <apiKey> <idempotencyKey> submit  print "SUBMITTING", then submit with long retry delays (killed meanwhile)
using System;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen;

namespace ProducerGen.Reliability.Tests.Crasher;

internal static class Program
{
    /// <summary>The request both the crashing process and the resuming test send (same body: an idempotent replay).</summary>
    public static ProducerRequest Request() => new("crash and resume: a calm piano loop")
    {
        Params = new ProducerParams { Seed = "crash-1", Weirdness = 0.25, Title = "Crash" },
    };

    private static async Task<int> Main(string[] args)
    {
        if (args.Length != 4)
        {
            await Console.Error.WriteLineAsync("usage: Crasher <baseUrl> <apiKey> <idempotencyKey> wait|submit");
            return 2;
        }

        var options = new ApiframeClientOptions { ApiKey = args[1], BaseAddress = new Uri(args[0]) };
        options.Waiting.MinPollInterval = TimeSpan.FromMilliseconds(50);
        options.Waiting.MaxPollInterval = TimeSpan.FromMilliseconds(200);
        if (args[3] == "submit")
        {
            // After a dropped connection the retry sleeps long enough for the test to kill this process.
            options.Retry.BaseDelay = TimeSpan.FromSeconds(30);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(60);
        }

        using var client = new ApiframeClient(options);
        if (args[3] == "submit")
        {
            Console.WriteLine("SUBMITTING");
        }

        var handle = await client.Producer.SubmitAsync(Request(), new RequestOptions { IdempotencyKey = args[2] });
        Console.WriteLine($"JOB {handle.Id}");
        var result = await client.Producer.WaitAsync(handle.Id);
        Console.WriteLine($"DONE {result.Job.Status}");
        return 0;
    }
}
