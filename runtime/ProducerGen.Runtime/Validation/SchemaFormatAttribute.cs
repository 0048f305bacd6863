using System;

namespace ProducerGen;

/// <summary>The <c>format:</c> of a string schema member; the analyzer reads it to check constant values.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class SchemaFormatAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="format">The format the value must have.</param>
    public SchemaFormatAttribute(StringFormat format) => Format = format;

    /// <summary>The format the value must have.</summary>
    public StringFormat Format { get; }
}
