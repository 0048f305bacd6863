namespace ProducerGen.Generator;

/// <summary>Names of the tracked pipeline steps; the incremental-caching tests assert on them.</summary>
internal static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string LoadedSchemas = nameof(LoadedSchemas);
    public const string Plans = nameof(Plans);
    public const string ClientUnits = nameof(ClientUnits);
    public const string EndpointUnits = nameof(EndpointUnits);
    public const string ModelUnits = nameof(ModelUnits);
    public const string Diagnostics = nameof(Diagnostics);
}
