namespace ProducerGen.Schema.Model;

/// <summary>A loaded schema file: one API, its endpoints and models.</summary>
/// <param name="FormatVersion">The <c>producergen:</c> version (1).</param>
/// <param name="Api">The <c>api:</c> section.</param>
/// <param name="Endpoints">Endpoints in file order.</param>
/// <param name="Models">Models in file order.</param>
public sealed record SchemaDocument(
    int FormatVersion,
    ApiSpec Api,
    EquatableArray<EndpointSpec> Endpoints,
    EquatableArray<ModelSpec> Models)
{
    /// <summary>The endpoint named <paramref name="name"/>, or null.</summary>
    public EndpointSpec? FindEndpoint(string name)
    {
        foreach (var endpoint in Endpoints)
        {
            if (endpoint.Name == name)
            {
                return endpoint;
            }
        }

        return null;
    }
}
