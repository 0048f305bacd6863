using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Apiframe.Catalog;
using ProducerGen;

namespace Producer.Cli.Models;

/// <summary>
/// One model of the generated client, found by its id: its <see cref="ModelDescription"/> (what
/// <c>client.Runtime.SubmitAsync</c> needs) and its generated request type. The CLI reads them from the generated
/// <c>*Operations</c> classes, so every model of the schema is reachable without a line per model.
/// </summary>
internal sealed class GenerationModel
{
    private static readonly Lazy<IReadOnlyDictionary<string, GenerationModel>> All = new(Discover);

    private GenerationModel(ModelDescription description, Type requestType)
    {
        Description = description;
        RequestType = requestType;
        ParamsType = requestType.GetProperty("Params")?.PropertyType;
    }

    /// <summary>The model's id, route and average completion.</summary>
    public ModelDescription Description { get; }

    /// <summary>The model's id, e.g. <c>kling-2.1</c>.</summary>
    public string Id => Description.ModelId;

    /// <summary>The generated request record, e.g. <c>Kling2_1Request</c>.</summary>
    public Type RequestType { get; }

    /// <summary>The generated params record (<c>Kling2_1Params</c>), or null for a model without params.</summary>
    public Type? ParamsType { get; }

    /// <summary>Every model id the generated client knows, sorted.</summary>
    public static IEnumerable<string> Ids => All.Value.Keys.Order(StringComparer.Ordinal);

    public static bool TryFind(string id, out GenerationModel model) => All.Value.TryGetValue(id, out model!);

    private static Dictionary<string, GenerationModel> Discover()
    {
        var models = new Dictionary<string, GenerationModel>(StringComparer.Ordinal);
        foreach (var type in typeof(ApiframeClient).Assembly.GetTypes())
        {
            if (type.Namespace != typeof(ApiframeClient).Namespace || !type.Name.EndsWith("Operations", StringComparison.Ordinal)
                || type.GetProperty("Description", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not ModelDescription description)
            {
                continue;
            }

            var submit = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(m => m.Name == "SubmitAsync");
            if (submit?.GetParameters() is [{ ParameterType: var requestType }, ..] && typeof(IGenerationRequest).IsAssignableFrom(requestType))
            {
                models[description.ModelId] = new GenerationModel(description, requestType);
            }
        }

        return models;
    }
}
