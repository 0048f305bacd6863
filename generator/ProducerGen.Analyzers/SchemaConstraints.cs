using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ProducerGen.Analyzers;

/// <summary>
/// The constraints one generated property, field or parameter carries as attributes
/// (<c>SchemaMember</c>, <c>SchemaRange</c>, <c>SchemaLength</c>, <c>SchemaItems</c>, <c>SchemaAllowedValues</c>, <c>SchemaFormat</c>).
/// Unset numbers are <see cref="double.NaN"/>; unset counts are -1; unset allowed values are a default array.
/// </summary>
internal sealed class SchemaConstraints
{
    private SchemaConstraints(string name)
    {
        Name = name;
    }

    /// <summary>The name diagnostics use: the last segment of the JSON path, else the symbol's name.</summary>
    public string Name { get; private set; }

    /// <summary>The schema file that declares the member, or <see langword="null"/>.</summary>
    public string? SchemaFile { get; private set; }

    public double Minimum { get; private set; } = double.NaN;

    public double Maximum { get; private set; } = double.NaN;

    public double Step { get; private set; } = double.NaN;

    public int MinLength { get; private set; } = -1;

    public int MaxLength { get; private set; } = -1;

    public int MinItems { get; private set; } = -1;

    public int MaxItems { get; private set; } = -1;

    public ImmutableArray<long> AllowedValues { get; private set; }

    /// <summary>The wire name of the member's string format (<c>uuid</c>), or <see langword="null"/>.</summary>
    public string? Format { get; private set; }

    public bool HasRange => !double.IsNaN(Minimum) || !double.IsNaN(Maximum);

    public bool HasStep => !double.IsNaN(Step) && !double.IsInfinity(Step) && Step > 0;

    public bool HasNumeric => HasRange || HasStep || !AllowedValues.IsDefault;

    public bool HasLength => MinLength >= 0 || MaxLength >= 0;

    public bool HasItems => MinItems >= 0 || MaxItems >= 0;

    /// <summary>Reads the constraints of <paramref name="symbol"/>; <see langword="null"/> when it carries none the analyzer checks.</summary>
    public static SchemaConstraints? Read(ISymbol symbol, SchemaAttributeTypes types)
    {
        SchemaConstraints? constraints = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(type, types.Member))
            {
                constraints ??= new SchemaConstraints(symbol.Name);
                constraints.ReadMember(attribute);
            }
            else if (SymbolEqualityComparer.Default.Equals(type, types.Range))
            {
                constraints ??= new SchemaConstraints(symbol.Name);
                constraints.ReadRange(attribute);
            }
            else if (SymbolEqualityComparer.Default.Equals(type, types.Length))
            {
                constraints ??= new SchemaConstraints(symbol.Name);
                constraints.ReadLength(attribute);
            }
            else if (SymbolEqualityComparer.Default.Equals(type, types.Format))
            {
                constraints ??= new SchemaConstraints(symbol.Name);
                constraints.ReadFormat(attribute);
            }
            else if (SymbolEqualityComparer.Default.Equals(type, types.Items))
            {
                constraints ??= new SchemaConstraints(symbol.Name);
                constraints.ReadItems(attribute);
            }
            else if (SymbolEqualityComparer.Default.Equals(type, types.AllowedValues))
            {
                constraints ??= new SchemaConstraints(symbol.Name);
                constraints.ReadAllowedValues(attribute);
            }
        }

        return constraints is not null && (constraints.HasNumeric || constraints.HasLength || constraints.HasItems || constraints.Format is not null) ? constraints : null;
    }

    private void ReadMember(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string path && path.Length > 0)
        {
            var dot = path.LastIndexOf('.');
            Name = dot >= 0 && dot < path.Length - 1 ? path.Substring(dot + 1) : path;
        }

        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "SchemaFile" && named.Value.Value is string file && file.Length > 0)
            {
                SchemaFile = file;
            }
        }
    }

    private void ReadRange(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            var value = ToDouble(named.Value.Value);
            switch (named.Key)
            {
                case "Minimum":
                    Minimum = value;
                    break;
                case "Maximum":
                    Maximum = value;
                    break;
                case "Step":
                    Step = value;
                    break;
                default:
                    break;
            }
        }
    }

    private void ReadLength(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            var value = named.Value.Value is int i ? i : -1;
            switch (named.Key)
            {
                case "MinLength":
                    MinLength = value;
                    break;
                case "MaxLength":
                    MaxLength = value;
                    break;
                default:
                    break;
            }
        }
    }

    private void ReadItems(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            var value = named.Value.Value is int i ? i : -1;
            switch (named.Key)
            {
                case "MinItems":
                    MinItems = value;
                    break;
                case "MaxItems":
                    MaxItems = value;
                    break;
                default:
                    break;
            }
        }
    }

    private void ReadFormat(AttributeData attribute)
    {
        // The attribute holds the runtime's StringFormat, whose members after None are StringFormatRules.Names in order.
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int index
            && index >= 1 && index <= StringFormatRules.Names.Length)
        {
            Format = StringFormatRules.Names[index - 1];
        }
    }

    private void ReadAllowedValues(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1)
        {
            return;
        }

        var argument = attribute.ConstructorArguments[0];
        if (argument.Kind != TypedConstantKind.Array || argument.IsNull)
        {
            return;
        }

        var builder = ImmutableArray.CreateBuilder<long>(argument.Values.Length);
        foreach (var item in argument.Values)
        {
            switch (item.Value)
            {
                case long l:
                    builder.Add(l);
                    break;
                case int i:
                    builder.Add(i);
                    break;
                default:
                    return;
            }
        }

        AllowedValues = builder.MoveToImmutable();
    }

    private static double ToDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        _ => double.NaN,
    };
}

/// <summary>The constraint attribute types of one compilation, fetched once when it starts.</summary>
internal sealed class SchemaAttributeTypes
{
    private SchemaAttributeTypes(INamedTypeSymbol? member, INamedTypeSymbol? range, INamedTypeSymbol? length, INamedTypeSymbol? items, INamedTypeSymbol? allowedValues, INamedTypeSymbol? format)
    {
        Format = format;
        Member = member;
        Range = range;
        Length = length;
        Items = items;
        AllowedValues = allowedValues;
    }

    public INamedTypeSymbol? Member { get; }

    public INamedTypeSymbol? Range { get; }

    public INamedTypeSymbol? Length { get; }

    public INamedTypeSymbol? Items { get; }

    public INamedTypeSymbol? AllowedValues { get; }

    public INamedTypeSymbol? Format { get; }

    /// <summary>The types, or <see langword="null"/> when the compilation references none of the constraint attributes.</summary>
    public static SchemaAttributeTypes? Find(Compilation compilation)
    {
        if (compilation is null)
        {
            throw new ArgumentNullException(nameof(compilation));
        }

        var range = compilation.GetTypeByMetadataName("ProducerGen.SchemaRangeAttribute");
        var length = compilation.GetTypeByMetadataName("ProducerGen.SchemaLengthAttribute");
        var items = compilation.GetTypeByMetadataName("ProducerGen.SchemaItemsAttribute");
        var allowed = compilation.GetTypeByMetadataName("ProducerGen.SchemaAllowedValuesAttribute");
        var format = compilation.GetTypeByMetadataName("ProducerGen.SchemaFormatAttribute");
        if (range is null && length is null && items is null && allowed is null && format is null)
        {
            return null;
        }

        return new SchemaAttributeTypes(compilation.GetTypeByMetadataName("ProducerGen.SchemaMemberAttribute"), range, length, items, allowed, format);
    }
}
