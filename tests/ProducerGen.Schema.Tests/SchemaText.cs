namespace ProducerGen.Schema.Tests;

/// <summary>Small valid schemas the tests break one line at a time.</summary>
internal static class SchemaText
{
    /// <summary>A minimal valid schema; line numbers in tests refer to this layout.</summary>
    public const string Minimal =
        """
        producergen: 1
        api:
          name: Demo
          baseUrl: https://api.example.com
          auth: { header: X-API-Key, env: DEMO_KEY }
          jobs:
            get: GET /v1/jobs/{id}
        endpoints:
          gen:
            request: POST /v1/generate
            fields:
              prompt: { type: string, required: true }
        models:
          alpha:
            endpoint: gen
            paramsKey: alphaParams
            params:
              weirdness: { type: number, min: 0, max: 1, step: 0.05 }
        """;

    /// <summary>The minimal schema with <paramref name="find"/> replaced by <paramref name="replace"/> (which must occur).</summary>
    public static string With(string find, string replace)
    {
        var index = Minimal.IndexOf(find, System.StringComparison.Ordinal);
        if (index < 0)
        {
            throw new System.ArgumentException($"'{find}' is not in the minimal schema.", nameof(find));
        }

        return Minimal.Substring(0, index) + replace + Minimal.Substring(index + find.Length);
    }

    /// <summary>The path of a shipped file copied next to the tests.</summary>
    public static string Shipped(string fileName) => System.IO.Path.Combine(System.AppContext.BaseDirectory, "Shipped", fileName);
}
