using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ProducerGen;

/// <summary>Finds every absolute http(s) URL in a JSON value, whatever its shape.</summary>
internal static class OutputUrls
{
    private const int MaxDepth = 64;

    public static IReadOnlyList<Uri> Find(JsonElement element)
    {
        var found = new List<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Walk(element, found, seen, 0);
        return found;
    }

    private static void Walk(JsonElement element, List<Uri> found, HashSet<string> seen, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString();
                if (text is not null && IsHttpUrl(text, out var uri) && seen.Add(uri.AbsoluteUri))
                {
                    found.Add(uri);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, found, seen, depth + 1);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, found, seen, depth + 1);
                }

                break;
        }
    }

    private static bool IsHttpUrl(string text, out Uri uri)
    {
        var trimmed = text.Trim();
        if ((trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed)
            && !string.IsNullOrEmpty(parsed.Host))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }
}
