using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ProducerGen;

namespace Producer.Cli.Models;

/// <summary>The kind of local file an option uploads.</summary>
internal enum InputKind
{
    Image,
    Audio,
}

/// <summary>
/// The params field a <c>--image</c> or <c>--audio</c> file goes to once uploaded: a URL (or URL list) field of the
/// model's params, found by its wire name. The mapping is explicit and small: the first name of
/// <see cref="WireNames"/> that the model has wins.
/// </summary>
internal sealed class InputField
{
    private InputField(PropertyInfo property, string jsonPath)
    {
        Property = property;
        JsonPath = jsonPath;
    }

    /// <summary>The generated params property (<c>StartImage</c>).</summary>
    public PropertyInfo Property { get; }

    /// <summary>The field's JSON path in the request body (<c>klingParams.start_image</c>).</summary>
    public string JsonPath { get; }

    /// <summary>The field's wire name (<c>start_image</c>).</summary>
    public string WireName => JsonPath[(JsonPath.LastIndexOf('.') + 1)..];

    /// <summary>True when the field takes a list of URLs (<c>image_input</c>); the upload becomes its one item.</summary>
    public bool IsList => Property.PropertyType != typeof(Uri);

    /// <summary>Wire names that take the input image or audio as a URL, in order of preference.</summary>
    public static IReadOnlyList<string> WireNames(InputKind kind) => kind switch
    {
        InputKind.Image => ["image", "start_image", "image_url", "image_input", "input_images"],
        _ => ["audio"],
    };

    /// <summary>The option that fills this kind of field.</summary>
    public static string OptionName(InputKind kind) => kind == InputKind.Image ? "--image" : "--audio";

    /// <summary>Finds the field of <paramref name="model"/> that takes a <paramref name="kind"/>, or null when it has none.</summary>
    public static InputField? Find(GenerationModel model, InputKind kind)
    {
        if (model.ParamsType is not { } paramsType)
        {
            return null;
        }

        var fields = paramsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && (p.PropertyType == typeof(Uri) || typeof(IList<Uri>).IsAssignableFrom(p.PropertyType)))
            .Select(p => p.GetCustomAttribute<SchemaMemberAttribute>() is { } member ? new InputField(p, member.JsonPath) : null)
            .OfType<InputField>()
            .ToList();
        foreach (var name in WireNames(kind))
        {
            if (fields.FirstOrDefault(f => f.WireName == name) is { } field)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The value to put in the field: the URL, or a one-item list.</summary>
    public object ValueFor(Uri url) => IsList ? new List<Uri> { url } : url;
}
