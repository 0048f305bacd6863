// Linked into the test projects that have a long campaign.
using System;
using Xunit;

namespace ProducerGen.Tests.Shared;

/// <summary>
/// A test of the long campaign (1,000-job soak, 100,000-document fuzzing, 10,000 name cases). Skipped (and reported as skipped) unless
/// <c>PRODUCERGEN_LONG_TESTS=1</c>; mark it <c>[Trait("Category", "Long")]</c> as well so filters can select it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class LongFactAttribute : FactAttribute
{
    public const string EnvironmentVariable = "PRODUCERGEN_LONG_TESTS";

    public LongFactAttribute()
    {
        if (!Enabled)
        {
            Skip = $"Long test: set {EnvironmentVariable}=1 to run it.";
        }
    }

    public static bool Enabled => Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";
}
