using System.IO;

namespace ProducerGen.Schema.Tests.Operations;

/// <summary>The Apiframe operations the format was designed for, appended to the shipped Apiframe schema.</summary>
internal static class TargetOperations
{
    /// <summary>The shipped Apiframe schema followed by the <c>types:</c>, <c>resources:</c> and <c>operations:</c> of the target file.</summary>
    public static string ApiframeWithOperations() =>
        File.ReadAllText(SchemaText.Shipped("apiframe.producergen.yaml")).TrimEnd('\n') + "\n\n" +
        File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Operations", "apiframe-operations.target.yaml"));
}
