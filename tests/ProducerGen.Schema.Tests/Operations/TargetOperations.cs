using System.IO;

namespace ProducerGen.Schema.Tests.Operations;

/// <summary>The Apiframe operations the format was designed for, appended to the shipped Apiframe schema.</summary>
internal static class TargetOperations
{
    /// <summary>
    /// The shipped Apiframe schema's api, endpoints and models followed by the <c>types:</c>, <c>resources:</c> and
    /// <c>operations:</c> of the target file (the shipped file's own, imported ones are left out: the importer's tests
    /// compare those with the target).
    /// </summary>
    public static string ApiframeWithOperations()
    {
        var shipped = File.ReadAllText(SchemaText.Shipped("apiframe.producergen.yaml"));
        var own = shipped.IndexOf("\ntypes:", System.StringComparison.Ordinal);
        var head = own < 0 ? shipped : shipped.Substring(0, own + 1);
        return head.TrimEnd('\n') + "\n\n" + File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Operations", "apiframe-operations.target.yaml"));
    }
}
