using System.Globalization;
using System.Text;

namespace ProducerGen.Emulator.Operations;

/// <summary>
/// The opaque cursor of a job listing: base64url of the last item's <c>(createdAt, id)</c>, the listing's sort key,
/// so the next page starts strictly after it even when jobs are added meanwhile.
/// </summary>
internal static class ListCursor
{
    public static string Encode(DateTimeOffset createdAt, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(createdAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + id.ToString("D")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string cursor, out long ticks, out string id)
    {
        ticks = 0;
        id = string.Empty;
        try
        {
            var text = cursor.Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out ticks) || !Guid.TryParseExact(parts[1], "D", out var guid))
            {
                return false;
            }

            id = guid.ToString("D");
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
