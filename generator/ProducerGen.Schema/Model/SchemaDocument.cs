namespace ProducerGen.Schema.Model;

/// <summary>A loaded schema file: one API, its endpoints and models.</summary>
/// <param name="FormatVersion">The <c>producergen:</c> version (1).</param>
/// <param name="Api">The <c>api:</c> section.</param>
/// <param name="Endpoints">Endpoints in file order.</param>
/// <param name="Models">Models in file order.</param>
/// <param name="Types">Named answer types of the operations, in file order.</param>
/// <param name="Resources">Long-running resources that are not jobs, in file order.</param>
/// <param name="Operations">The calls that are not generate endpoints, in file order.</param>
public sealed record SchemaDocument(
    int FormatVersion,
    ApiSpec Api,
    EquatableArray<EndpointSpec> Endpoints,
    EquatableArray<ModelSpec> Models,
    EquatableArray<ResponseTypeSpec> Types = default,
    EquatableArray<ResourceSpec> Resources = default,
    EquatableArray<OperationSpec> Operations = default)
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

    /// <summary>The answer type named <paramref name="name"/>, or null.</summary>
    public ResponseTypeSpec? FindType(string name)
    {
        foreach (var type in Types)
        {
            if (type.Name == name)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The resource keyed <paramref name="key"/>, or null.</summary>
    public ResourceSpec? FindResource(string key)
    {
        foreach (var resource in Resources)
        {
            if (resource.Key == key)
            {
                return resource;
            }
        }

        return null;
    }
}
