using System;

namespace ProducerGen;

/// <summary>The values an integer schema member may take (an integer <c>enum</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class SchemaAllowedValuesAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="values">The allowed values.</param>
    public SchemaAllowedValuesAttribute(params long[] values) => Values = values ?? [];

    /// <summary>The allowed values.</summary>
#pragma warning disable CA1819 // Attribute arguments are arrays by nature.
    public long[] Values { get; }
#pragma warning restore CA1819
}
