using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ProducerGen;

namespace Producer.Cli.Models;

/// <summary>
/// Builds the generated request of any model from a prompt and uploaded input URLs, through the generated constructors:
/// the required members are constructor parameters, so a model that needs more than a prompt and those inputs is refused.
/// </summary>
internal static class ModelRequestBuilder
{
    /// <summary>Creates the request; throws <see cref="ArgumentException"/> when the model needs a value the CLI cannot give.</summary>
    public static IGenerationRequest Create(GenerationModel model, string prompt, IReadOnlyList<(InputField Field, Uri Url)> inputs)
    {
        object? parameters = null;
        if (model.ParamsType is { } paramsType && (inputs.Count > 0 || IsRequired(model.RequestType, paramsType)))
        {
            parameters = Construct(model, paramsType, prompt, inputs, null);
            foreach (var (field, url) in inputs)
            {
                field.Property.SetValue(parameters, field.ValueFor(url));
            }
        }

        var request = (IGenerationRequest)Construct(model, model.RequestType, prompt, inputs, parameters);
        if (parameters is not null)
        {
            model.RequestType.GetProperty("Params")!.SetValue(request, parameters);
        }

        return request;
    }

    private static bool IsRequired(Type requestType, Type paramsType)
        => requestType.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == paramsType));

    private static object Construct(GenerationModel model, Type type, string prompt, IReadOnlyList<(InputField Field, Uri Url)> inputs, object? parameters)
    {
        var constructor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p =>
        {
            var path = p.GetCustomAttribute<SchemaMemberAttribute>()?.JsonPath;
            if (path == "prompt")
            {
                return prompt;
            }

            if (parameters is not null && p.ParameterType == parameters.GetType())
            {
                return parameters;
            }

            if (inputs.FirstOrDefault(i => i.Field.JsonPath == path) is { Field: { } field, Url: { } url })
            {
                return field.ValueFor(url);
            }

            var hint = InputField.WireNames(InputKind.Image).Contains(path?[(path.LastIndexOf('.') + 1)..]) ? " (give it with --image)"
                : InputField.WireNames(InputKind.Audio).Contains(path?[(path.LastIndexOf('.') + 1)..]) ? " (give it with --audio)" : string.Empty;
            throw new ArgumentException($"model '{model.Id}' requires '{path ?? p.Name}', which this CLI cannot set{hint}.");
        }).ToArray();
        return constructor.Invoke(arguments);
    }
}
