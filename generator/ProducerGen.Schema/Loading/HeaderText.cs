using System;

namespace ProducerGen.Schema.Loading;

/// <summary>What HTTP allows in header names and values (RFC 9110), so a schema can never make the client send a broken header.</summary>
internal static class HeaderText
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>A token: letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>.</summary>
    public static bool IsName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TokenSymbols.IndexOf(c) >= 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Visible ASCII, spaces and tabs: no line breaks, no other control characters, nothing a client would have to encode.</summary>
    public static bool IsValue(string value)
    {
        foreach (var c in value)
        {
            if (!((c >= ' ' && c <= '~') || c == '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Headers the HTTP stack or the client sets itself.</summary>
    public static bool IsManagedByTheClient(string name) =>
        name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase);
}
