namespace ProducerGen.Generator;

/// <summary>Names of the tracked pipeline steps; the incremental-caching tests assert on them.</summary>
internal static class TrackingNames
{
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string LoadedSchemas = nameof(LoadedSchemas);
    public const string NamedSchemas = nameof(NamedSchemas);
    public const string Project = nameof(Project);
    public const string Placements = nameof(Placements);
    public const string Plans = nameof(Plans);
    public const string ClientUnits = nameof(ClientUnits);
    public const string EndpointUnits = nameof(EndpointUnits);
    public const string ModelUnits = nameof(ModelUnits);
    public const string AnswerTypeUnits = nameof(AnswerTypeUnits);
    public const string OperationGroupUnits = nameof(OperationGroupUnits);
    public const string ModelFactoryUnits = nameof(ModelFactoryUnits);
    public const string Diagnostics = nameof(Diagnostics);
}
