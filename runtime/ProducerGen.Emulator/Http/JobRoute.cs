using ProducerGen.Schema.Model;
using Route = ProducerGen.Schema.Model.Route;

namespace ProducerGen.Emulator.Http;

/// <summary>What a job route of the schema answers (the job, its result, its content).</summary>
internal enum JobAnswer
{
    Job,
    Result,
    Content,
}

/// <summary>
/// A job route of the schema as an ASP.NET Core route: <c>{id}</c> stays a route value, <c>{+id}</c> becomes a catch-all
/// (<c>{**id}</c>), and an id in the query string (<c>?taskId={id}</c>) is read from the query.
/// </summary>
internal sealed record JobRoute(string Pattern, string? QueryKey)
{
    public static JobRoute From(Route route)
    {
        var path = route.Path;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        string? queryKey = null;
        if (query >= 0)
        {
            foreach (var pair in path[(query + 1)..].Split('&'))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && pair[(equals + 1)..] == "{id}")
                {
                    queryKey = pair[..equals];
                }
            }

            path = path[..query];
        }

        return new JobRoute(path.Replace("{+id}", "{**id}", StringComparison.Ordinal), queryKey);
    }

    /// <summary>The route with the job's id in it, as the client would call it.</summary>
    public static string Expand(Route route, string id) =>
        route.Path.Replace("{+id}", id, StringComparison.Ordinal).Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);

    public string? ReadId(HttpContext ctx) =>
        QueryKey is { } key ? ctx.Request.Query[key].ToString() : ctx.Request.RouteValues["id"] as string;
}
