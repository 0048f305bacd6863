using System.Text.RegularExpressions;
using ProducerGen.Schema.Model;

namespace ProducerGen.Schema.Loading;

/// <summary>Parses <c>METHOD /path</c> routes; the path may end in a query string (<c>GET /record-info?taskId={id}</c>).</summary>
public static class RouteParser
{
    private static readonly Regex Shape = new(
        @"^(?<method>GET|POST|PUT|PATCH|DELETE) (?<path>/[A-Za-z0-9\-._~/{}%:@!$&'()*+,;=]*(\?[A-Za-z0-9\-._~/{}%:@!$&'()*+,;=?]+)?)$",
        RegexOptions.CultureInvariant,
        System.TimeSpan.FromSeconds(1));

    /// <summary>The route, or null when <paramref name="text"/> is not <c>METHOD /path</c>.</summary>
    public static Route? TryParse(string text)
    {
        var match = Shape.Match(text.Trim());
        return match.Success ? new Route(match.Groups["method"].Value, match.Groups["path"].Value) : null;
    }
}
