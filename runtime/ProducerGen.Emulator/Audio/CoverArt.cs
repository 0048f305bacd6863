using System.Globalization;
using System.Net;
using System.Text;

namespace ProducerGen.Emulator.Audio;

/// <summary>A small SVG cover image per track, its colours derived from the track's seed.</summary>
internal static class CoverArt
{
    public static byte[] Render(ulong seed, string title)
    {
        var hue = (int)(seed % 360);
        var hue2 = (hue + 40 + (int)((seed >> 16) % 120)) % 360;
        var text = WebUtility.HtmlEncode(title.Length > 40 ? title[..40] : title);
        var svg = string.Format(
            CultureInfo.InvariantCulture,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">" +
            "<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">" +
            "<stop offset=\"0\" stop-color=\"hsl({0},70%,45%)\"/><stop offset=\"1\" stop-color=\"hsl({1},70%,25%)\"/></linearGradient></defs>" +
            "<rect width=\"256\" height=\"256\" fill=\"url(#g)\"/>" +
            "<circle cx=\"128\" cy=\"112\" r=\"56\" fill=\"none\" stroke=\"#fff\" stroke-opacity=\"0.6\" stroke-width=\"6\"/>" +
            "<text x=\"128\" y=\"220\" font-family=\"sans-serif\" font-size=\"16\" fill=\"#fff\" text-anchor=\"middle\">{2}</text></svg>",
            hue,
            hue2,
            text);
        return Encoding.UTF8.GetBytes(svg);
    }
}
