using System.Net.Http.Headers;
using System.Reflection;

namespace ProducerGen;

/// <summary>The <c>User-Agent</c> the runtime sends: <c>ProducerGen/&lt;version&gt;</c>.</summary>
internal static class UserAgent
{
    public static string Version { get; } = ReadVersion();

    public static ProductInfoHeaderValue Value { get; } = new("ProducerGen", Version);

    /// <summary><see cref="Value"/> as header text, added without validation: no typed header collection per request.</summary>
    public static string Text { get; } = Value.ToString();

    private static string ReadVersion()
    {
        var assembly = typeof(UserAgent).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational.IndexOf('+', System.StringComparison.Ordinal);
            return plus >= 0 ? informational[..plus] : informational;
        }

        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
