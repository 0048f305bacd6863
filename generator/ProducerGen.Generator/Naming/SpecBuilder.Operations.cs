using System;
using System.Collections.Generic;
using System.Linq;
using ProducerGen.Generator.Specs;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Naming;

namespace ProducerGen.Generator.Naming;

/// <summary>
/// The naming pass for <c>types:</c> and <c>operations:</c>: answer types keep their key as their name; a group is a class
/// of its own (<c>client.Loras</c> → <c>LorasClient</c>), the client's <c>Jobs</c> (a class deriving from the runtime's
/// JobsClient) or, when named like a model's property, more methods on that model's operations class.
/// </summary>
internal sealed partial class SpecBuilder
{
    private readonly List<GroupPlan> _groups = new();

    /// <summary>Methods a model's operations class declares already; a model group cannot add them again.</summary>
    private static readonly string[] ModelOperationMethods = { "Submit", "Generate", "Wait" };

    /// <summary>Parameters every operation method declares besides its path parameters.</summary>
    private static readonly string[] MethodParameters = { "request", "options", "cancellationToken" };

    /// <summary>Claims the answer types, the group classes and the request types, after the model types.</summary>
    private void ClaimOperationTypes()
    {
        foreach (var type in _document.Types)
        {
            ClaimFixedType(type.Name, $"type '{type.Name}'", type.KeyRange);
        }

        foreach (var operation in _document.Operations)
        {
            var plan = _groups.FirstOrDefault(g => g.Group == operation.Group);
            if (plan is null)
            {
                plan = PlanGroup(operation);
                _groups.Add(plan);
            }

            plan.Operations.Add(operation);
            if (plan.Kind == GroupKind.Model && Array.IndexOf(ModelOperationMethods, operation.Name) >= 0)
            {
                Error(SchemaDiagnosticIds.NameCollision, $"Operation '{operation.Key}' would add '{operation.Name}Async' to the '{operation.Group}' model's operations, which already declare it; give the operation another 'name:'.", operation.KeyRange);
            }

            var prefix = operation.Group + operation.Name;
            if (operation.Variants.Count > 0)
            {
                ClaimFixedType(prefix + "Request", $"operation '{operation.Key}'", operation.KeyRange);
                foreach (var variant in operation.Variants)
                {
                    ClaimFixedType(VariantTypeName(operation, variant), $"variant '{variant.Value}' of operation '{operation.Key}'", variant.Range);
                }
            }
            else if (operation.Fields.Count > 0)
            {
                ClaimFixedType(prefix + "Request", $"operation '{operation.Key}'", operation.KeyRange);
            }
        }
    }

    private GroupPlan PlanGroup(OperationSpec operation)
    {
        var group = operation.Group;
        if (group == "Jobs")
        {
            var jobs = ClaimFixedType(_document.Api.CSharpName + "JobsClient", $"operation group 'Jobs'", operation.KeyRange);
            return new GroupPlan(group, GroupKind.Jobs, jobs, "Jobs", operation.KeyRange);
        }

        var model = _document.Models.FirstOrDefault(m => ModelPropertyName(m) == group);
        if (model is not null)
        {
            return new GroupPlan(group, GroupKind.Model, model.CSharpName + "Operations", group, operation.KeyRange);
        }

        var own = ClaimFixedType(group + "Client", $"operation group '{group}'", operation.KeyRange);
        return new GroupPlan(group, GroupKind.Own, own, group, operation.KeyRange);
    }

    /// <summary>The client property of a model, as <see cref="BuildClient"/> names it.</summary>
    private string ModelPropertyName(ModelSpec model) =>
        ReservedNames.ClientMembers.Contains(model.CSharpName) || model.CSharpName == _document.Api.CSharpName + "Client"
            ? model.CSharpName + ReservedNames.ModelSuffix
            : model.CSharpName;

    /// <summary>Claims each own group's client property; called while the client's members are named, after the models.</summary>
    private List<ClientGroupSpec> ClaimClientGroups(NameScope members)
    {
        var groups = new List<ClientGroupSpec>();
        foreach (var plan in _groups)
        {
            if (plan.Kind == GroupKind.Own && !members.TryClaim(plan.PropertyName, $"operation group '{plan.Group}'", plan.Range))
            {
                Collision(members, plan.PropertyName, $"Operation group '{plan.Group}' would be the client property", plan.Range, "give the group's operations another 'group:'");
            }

            if (plan.Kind != GroupKind.Model)
            {
                groups.Add(new ClientGroupSpec(plan.PropertyName, plan.ClassName, plan.Kind));
            }
        }

        return groups;
    }

    private AnswerTypeFileSpec BuildAnswerType(ResponseTypeSpec type)
    {
        var owner = new TypeOwner(new[] { type.Name });
        var objects = new List<ResultObjectSpec>();
        var pending = new Queue<(string Name, MemberSpec Member, TypeSpec Type)>();
        var properties = BuildResultProperties(type.Name, type.Properties, type.Name, owner, pending, ReservedNames.AnswerTypeMembers, "answer", ReservedNames.AnswerTypeMembers);
        while (pending.Count > 0)
        {
            var (name, member, objectType) = pending.Dequeue();
            var objectProperties = BuildResultProperties(name, objectType.Properties, name, owner, pending, ReservedNames.AnswerTypeMembers, "answer", ReservedNames.AnswerTypeMembers);
            objects.Add(new ResultObjectSpec(name, member.Description ?? $"The answer's '{member.Name}'.", objectProperties));
        }

        var root = new ResultObjectSpec(type.Name, type.Description ?? $"The '{type.Name}' answer.", properties);
        return new AnswerTypeFileSpec(ClaimFileName(type.Name), root, EquatableArray.From(objects));
    }

    private OperationGroupFileSpec BuildGroup(GroupPlan plan)
    {
        var types = new List<TypeDeclaration>();
        var bases = new List<VariantBaseSpec>();
        var methods = new List<OperationMethodSpec>();
        var resources = new List<ResourceMethodSpec>();
        foreach (var operation in plan.Operations)
        {
            var requestType = BuildRequestTypes(operation, types, bases);
            var shortcut = Shortcut(operation, requestType, types);
            var resource = operation.Resource is { } key ? _document.FindResource(key) : null;
            if (resource is not null && !resources.Any(r => r.Key == resource.Key))
            {
                resources.Add(new ResourceMethodSpec(resource.Key, NameMapper.ToPascalCase(resource.Key) + "Resource", resource.TypeName, resource));
            }

            methods.Add(new OperationMethodSpec(
                operation.Key,
                operation.Name + "Async",
                operation.Name + "Operation",
                operation.Description ?? $"{operation.Request}.",
                operation.Request.Method,
                operation.Request.Path,
                operation.Authenticated,
                operation.Idempotency,
                operation.Retry,
                operation.Success,
                EquatableArray.From(operation.PathParams.Select(PathParameter)),
                requestType,
                operation.Variants.Count == 0 && !operation.Fields.Any(f => f.Required),
                ReturnOf(operation),
                resource?.TypeName ?? operation.Response.TypeName,
                operation.Response.Path,
                operation.Paginate,
                resource is null ? null : NameMapper.ToPascalCase(resource.Key) + "Resource",
                operation.JobModel,
                EquatableArray.From(shortcut)));
        }

        var group = new OperationGroupSpec(plan.ClassName, plan.PropertyName, plan.Kind, EquatableArray.From(methods), EquatableArray.From(resources));
        return new OperationGroupFileSpec(ClaimFileName(plan.ClassName), group, EquatableArray.From(types), EquatableArray.From(bases));
    }

    /// <summary>Names the operation's request record (or its variant base and variants) with their enums and objects; null without fields.</summary>
    private string? BuildRequestTypes(OperationSpec operation, List<TypeDeclaration> types, List<VariantBaseSpec> bases)
    {
        var prefix = operation.Group + operation.Name;
        var requestName = prefix + "Request";
        var multipart = operation.Encoding == BodyEncoding.Multipart;
        var queue = new Queue<Action>();
        var summary = $"The request of {operation.Request}.{Sentence(operation.Description)}";
        if (operation.Variants.Count > 0)
        {
            var variantNames = new List<string>();
            var first = true;
            foreach (var variant in operation.Variants)
            {
                var name = VariantTypeName(operation, variant);
                var owner = new TypeOwner(new[] { requestName, name });
                // Shared fields are one type for every variant: declared with the first, referenced by the others.
                var members = operation.Fields.Select(f => new MemberSource(f, prefix, owner, first ? (queue, types) : null))
                    .Concat(variant.Members.Select(m => new MemberSource(m, operation.Group + variant.CSharpName + operation.Name, owner, (queue, types))))
                    .ToList();
                var record = BuildRecord(
                    name,
                    $"The '{variant.Value}' kind of {operation.Request}.{Sentence(operation.Description)}",
                    members,
                    string.Empty,
                    new RequestPartSpec(variant.Value, null, null, false, ReservedNames.ParamsParameter, operation.Discriminator, multipart),
                    ReservedNames.OperationRequestMembers);
                types.Add(new TypeDeclaration(record with { BaseType = requestName }, null));
                Drain(queue);
                variantNames.Add(name);
                first = false;
            }

            bases.Add(new VariantBaseSpec(requestName, $"{summary} One of: {string.Join(", ", variantNames)}.", EquatableArray.From(variantNames)));
            return requestName;
        }

        if (operation.Fields.Count == 0)
        {
            return null;
        }

        var fieldOwner = new TypeOwner(new[] { requestName });
        var request = BuildRecord(
            requestName,
            summary,
            operation.Fields.Select(f => new MemberSource(f, prefix, fieldOwner, (queue, types))).ToList(),
            string.Empty,
            new RequestPartSpec(string.Empty, null, null, false, ReservedNames.ParamsParameter, null, multipart),
            ReservedNames.OperationRequestMembers);
        types.Add(new TypeDeclaration(request, null));
        Drain(queue);
        return requestName;
    }

    /// <summary>
    /// A request whose every member is required is only its constructor's arguments: the method gets an overload taking them
    /// (<c>CreateAsync(file)</c>), unless one is named like a parameter every method has.
    /// </summary>
    private static List<ShortcutParameterSpec> Shortcut(OperationSpec operation, string? requestType, List<TypeDeclaration> types)
    {
        var none = new List<ShortcutParameterSpec>();
        if (requestType is null || operation.Variants.Count > 0 || operation.Fields.Any(f => !f.Required)
            || types.Select(t => t.Record).FirstOrDefault(r => r?.Name == requestType) is not { } record)
        {
            return none;
        }

        var parameters = record.Properties.Select(p => new ShortcutParameterSpec(p.DeclaredType, p.ParameterName!, p.Description ?? $"The request's '{p.WireName}'.")).ToList();
        var taken = new HashSet<string>(MethodParameters, StringComparer.Ordinal);
        foreach (var path in operation.PathParams)
        {
            taken.Add(NameMapper.ToCamelCase(path.Name));
        }

        return parameters.Any(p => taken.Contains(p.Name.TrimStart('@'))) ? none : parameters;
    }

    private static string VariantTypeName(OperationSpec operation, VariantSpec variant) => operation.Group + variant.CSharpName + operation.Name;

    private static PathParameterSpec PathParameter(MemberSpec member)
    {
        var name = NameMapper.ToCamelCase(member.Name);
        if (Array.IndexOf(MethodParameters, name) >= 0)
        {
            name += ReservedNames.MemberSuffix;
        }

        return new PathParameterSpec(member.Name, NameMapper.EscapeKeyword(name), member.Type.Kind == MemberType.Integer);
    }

    private static MethodReturn ReturnOf(OperationSpec operation)
    {
        if (operation.JobModel is not null)
        {
            return MethodReturn.Job;
        }

        if (operation.Resource is not null)
        {
            return MethodReturn.Resource;
        }

        if (operation.Paginate is not null)
        {
            return MethodReturn.Pageable;
        }

        return operation.Response.Kind switch
        {
            ResponseKind.None => MethodReturn.None,
            ResponseKind.Json => MethodReturn.Json,
            _ => operation.Response.IsList ? MethodReturn.List : MethodReturn.Value,
        };
    }

    /// <summary>One group while it is planned: its place and its operations in file order.</summary>
    private sealed class GroupPlan
    {
        public GroupPlan(string group, GroupKind kind, string className, string propertyName, SourceRange range)
        {
            Group = group;
            Kind = kind;
            ClassName = className;
            PropertyName = propertyName;
            Range = range;
        }

        public string Group { get; }

        public GroupKind Kind { get; }

        public string ClassName { get; }

        public string PropertyName { get; }

        public SourceRange Range { get; }

        public List<OperationSpec> Operations { get; } = new();
    }
}
