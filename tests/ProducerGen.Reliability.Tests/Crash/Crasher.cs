using Apiframe;

namespace ProducerGen.Reliability.Tests.Crash;

/// <summary>The request the crasher process sends (ProducerGen.Reliability.Tests.Crasher/Program.cs): the same body, so a re-submission is a replay.</summary>
internal static class Crasher
{
    public static ProducerRequest Request() => new("crash and resume: a calm piano loop")
    {
        Params = new ProducerParams { Seed = "crash-1", Weirdness = 0.25, Title = "Crash" },
    };
}
