using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Http;

/// <summary>
/// The methods the emulator serves at a path, for a 405 with an <c>Allow</c> header when a known route is asked with
/// another method. Read from the app's own endpoints (every mapped route but the catch-alls) plus the models' expanded
/// submit paths (served by a catch-all), so it cannot disagree with the routes.
/// </summary>
internal sealed class AllowedMethods
{
    private readonly IEndpointRouteBuilder _routes;
    private readonly SchemaDocument _schema;
    private List<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>? _table;

    public AllowedMethods(IEndpointRouteBuilder routes, SchemaDocument schema)
    {
        _routes = routes;
        _schema = schema;
    }

    /// <summary>The methods (upper case, sorted) some route accepts at <paramref name="path"/>; empty for an unknown path.</summary>
    public IReadOnlyList<string> At(PathString path)
    {
        var methods = new SortedSet<string>(StringComparer.Ordinal);
        var values = new RouteValueDictionary();
        foreach (var (matcher, accepted) in Table())
        {
            values.Clear();
            if (matcher.TryMatch(path, values))
            {
                methods.UnionWith(accepted);
            }
        }

        var requested = Uri.UnescapeDataString(path.Value ?? "/");
        foreach (var model in _schema.Models)
        {
            if (model.SubmitPath is { } submit && _schema.FindEndpoint(model.Endpoint) is { } endpoint &&
                string.Equals(Uri.UnescapeDataString(submit), requested, StringComparison.Ordinal))
            {
                methods.Add(endpoint.Request.Method.ToUpperInvariant());
            }
        }

        return methods.ToList();
    }

    private List<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)> Table() => _table ??= _routes.DataSources
        .SelectMany(source => source.Endpoints)
        .OfType<RouteEndpoint>()
        .Where(e => !e.RoutePattern.Parameters.Any(p => p.IsCatchAll))
        .Select(e => (e.RoutePattern, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
        .Where(e => e.Methods is { Count: > 0 })
        .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()), (IReadOnlyList<string>)e.Methods!.Select(m => m.ToUpperInvariant()).ToList()))
        .ToList();
}
