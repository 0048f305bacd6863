namespace ProducerGen.Schema.Diagnostics;

/// <summary>How serious a schema diagnostic is.</summary>
public enum SchemaSeverity
{
    /// <summary>The file still generates; something deserves attention.</summary>
    Warning,

    /// <summary>The file cannot generate.</summary>
    Error,
}
