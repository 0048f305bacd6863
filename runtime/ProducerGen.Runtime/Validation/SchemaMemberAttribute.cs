using System;

namespace ProducerGen;

/// <summary>Ties a generated member to the schema member it came from, so diagnostics and tools can name it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class SchemaMemberAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="jsonPath">The member's JSON path in the request body, e.g. <c>producerParams.weirdness</c>.</param>
    public SchemaMemberAttribute(string jsonPath) => JsonPath = jsonPath;

    /// <summary>The member's JSON path in the request body.</summary>
    public string JsonPath { get; }

    /// <summary>The name of the schema file that declares the member, e.g. <c>apiframe-music.producergen.yaml</c>.</summary>
    public string? SchemaFile { get; set; }
}
