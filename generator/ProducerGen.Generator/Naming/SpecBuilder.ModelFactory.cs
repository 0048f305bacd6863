using System.Collections.Generic;
using System.Linq;
using ProducerGen.Generator.Specs;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Naming;

namespace ProducerGen.Generator.Naming;

internal sealed partial class SpecBuilder
{
    /// <summary>The suffix of the model factory's name (<c>ApiframeModelFactory</c>).</summary>
    private const string ModelFactorySuffix = "ModelFactory";

    /// <summary>
    /// Names the model factory. It is the generator's own name, so it is claimed after every schema-derived type and
    /// gives way rather than clash: <c>ApiframeModelFactory</c>, else <c>ApiframeModelFactory2</c>, <c>3</c>, ...
    /// </summary>
    private ModelFactoryFileSpec BuildModelFactory(string client, IReadOnlyList<EndpointFileSpec> endpoints, IReadOnlyList<ModelFileSpec> models)
    {
        var name = _types.ClaimNumbered(_document.Api.CSharpName + ModelFactorySuffix);
        _declaredTypes.Add(name);
        var results = new List<ModelFactoryResultSpec>();
        foreach (var model in models)
        {
            var endpoint = endpoints.FirstOrDefault(e => e.Result.Name == model.Result.BaseName);
            var parameters = new NameScope();
            parameters.Reserve(ReservedNames.FactoryJobLocal);
            parameters.Reserve(ReservedNames.FactoryReadLocal);
            var job = parameters.ClaimNumbered("job");
            var members = new List<ModelFactoryMemberSpec>();
            foreach (var property in endpoint?.Result.Properties ?? EquatableArray<ResultPropertySpec>.Empty)
            {
                var bare = Bare(property.Name);
                var parameter = parameters.ClaimNumbered(char.ToLowerInvariant(bare[0]) + bare.Substring(1));
                var type = property.DeclaredType.EndsWith("?", System.StringComparison.Ordinal) ? property.DeclaredType : property.DeclaredType + "?";
                members.Add(new ModelFactoryMemberSpec(property.Name, NameMapper.EscapeKeyword(parameter), type, property.Summary));
            }

            results.Add(new ModelFactoryResultSpec(model.Result.Name, model.ModelId, job, EquatableArray.From(members)));
        }

        return new ModelFactoryFileSpec(ClaimFileName(name), name, client, EquatableArray.From(results));
    }
}
