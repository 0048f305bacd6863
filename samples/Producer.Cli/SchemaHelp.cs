using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Apiframe.Catalog;
using ProducerGen;

namespace Producer.Cli;

/// <summary>
/// Describes a Producer param's allowed values for <c>--help</c>, read from the constraint attributes the generator puts on
/// <see cref="ProducerParams"/>: the help text follows the schema without repeating it.
/// </summary>
internal static class SchemaHelp
{
    public static string Describe(string propertyName)
    {
        var property = typeof(ProducerParams).GetProperty(propertyName)
            ?? throw new ArgumentException($"ProducerParams has no property {propertyName}.", nameof(propertyName));

        if (property.GetCustomAttribute<SchemaRangeAttribute>() is { } range)
        {
            var text = $"{Format(range.Minimum)} to {Format(range.Maximum)}";
            return double.IsNaN(range.Step) ? text : $"{text}, in steps of {Format(range.Step)}";
        }

        if (property.GetCustomAttribute<SchemaLengthAttribute>() is { MaxLength: > 0 } length)
        {
            return $"at most {length.MaxLength.ToString(CultureInfo.InvariantCulture)} characters";
        }

        return string.Empty;
    }

    public static string[] ModelVersions() => Enum.GetValues<ProducerModelVersion>().Select(v => v.ToWireValue()).ToArray();

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
