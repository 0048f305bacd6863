using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ProducerGen.Generator.Specs;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Naming;

namespace ProducerGen.Generator.Naming;

/// <summary>
/// The naming pass: decides every C# name, type and file name one schema's output holds, in one table per
/// declaration space, and reports each clash the compiler would otherwise find as PG0011 at the YAML position of
/// the later name. Emitters only print the specs it returns.
/// </summary>
internal sealed partial class SpecBuilder
{
    private readonly SchemaDocument _document;
    private readonly List<SchemaDiagnostic> _diagnostics = new();
    private readonly NameScope _types = new();
    private readonly NameScope _files = new(StringComparer.OrdinalIgnoreCase);
    private string _namespace = NamespaceNames.Fallback;

    private SpecBuilder(SchemaDocument document) => _document = document;

    /// <summary>Names one loaded schema; the spec is null when any naming error was reported.</summary>
    public static NamingResult Build(SchemaDocument document, string? rootNamespace)
    {
        var builder = new SpecBuilder(document);
        var spec = builder.Run(rootNamespace);
        var diagnostics = EquatableArray.From(builder._diagnostics);
        return builder._diagnostics.Any(d => d.Severity == SchemaSeverity.Error)
            ? new NamingResult(null, diagnostics)
            : new NamingResult(spec, diagnostics);
    }

    private SchemaSpec Run(string? rootNamespace)
    {
        var api = _document.Api;
        _namespace = ResolveNamespace(api, rootNamespace);
        var endpoints = _document.Endpoints.Where(e => _document.Models.Any(m => m.Endpoint == e.Name)).ToList();

        // The types whose names follow from the api, endpoint and model names are claimed first, in file order.
        var apiOwner = $"api '{api.Name}'";
        var client = ClaimFixedType(api.CSharpName + "Client", apiOwner, api.NameRange);
        var options = ClaimFixedType(api.CSharpName + "ClientOptions", apiOwner, api.NameRange);
        var extensions = ClaimFixedType(api.CSharpName + "ServiceCollectionExtensions", apiOwner, api.NameRange);
        foreach (var endpoint in endpoints)
        {
            ClaimFixedType(endpoint.CSharpName + "Result", $"endpoint '{endpoint.Name}'", endpoint.NameRange);
        }

        foreach (var model in _document.Models)
        {
            foreach (var suffix in ModelTypeSuffixes)
            {
                ClaimFixedType(model.CSharpName + suffix, $"model '{model.Id}'", model.NameRange);
            }
        }

        ClaimOperationTypes();

        var clientFile = new ClientFileSpec(ClaimFileName(client), BuildClient(client, options, extensions));
        var endpointFiles = endpoints.Select(BuildEndpoint).ToList();
        var modelFiles = _document.Models.Select(m => BuildModel(m, _document.FindEndpoint(m.Endpoint)!)).ToList();
        var answerFiles = _document.Types.Select(BuildAnswerType).ToList();
        var groupFiles = _groups.Select(BuildGroup).ToList();
        var factory = BuildModelFactory(client, endpointFiles, modelFiles);

        return new SchemaSpec(
            _namespace,
            clientFile,
            EquatableArray.From(endpointFiles),
            EquatableArray.From(modelFiles),
            EquatableArray.From(_declaredTypes),
            EquatableArray.From(answerFiles),
            EquatableArray.From(groupFiles),
            factory);
    }

    private static readonly string[] ModelTypeSuffixes = { "Request", "Params", "Result", "Operations" };

    private readonly List<string> _declaredTypes = new();

    private string ResolveNamespace(ApiSpec api, string? rootNamespace)
    {
        var ns = api.Namespace ?? NamespaceNames.FromRootNamespace(rootNamespace);
        if (ReservedNames.Namespaces.Contains(ns))
        {
            var origin = api.Namespace is null ? $"The project's RootNamespace '{rootNamespace}' gives the namespace '{ns}', which" : $"The namespace '{ns}'";
            var fix = api.Namespace is null ? "set 'namespace:' under 'api:' to one of your own, e.g. 'Contoso.Clients'" : "choose one of your own, e.g. 'Contoso.Clients'";
            Error(SchemaDiagnosticIds.InvalidValue, $"{origin} holds types the generated code uses, so the generated types would conflict with them; {fix}.", api.NamespaceRange);
        }

        return ns;
    }

    // ---- client -------------------------------------------------------------------------------------------

    private ClientSpec BuildClient(string client, string options, string extensions)
    {
        var api = _document.Api;
        var members = new NameScope();
        members.ReserveAll(ReservedNames.ClientMembers);
        members.Reserve(client);
        var models = new List<ClientModelSpec>();
        foreach (var model in _document.Models)
        {
            var name = WithSuffixIfReserved(members, model.CSharpName, ReservedNames.ModelSuffix);
            if (!members.TryClaim(name, $"model '{model.Id}'", model.NameRange))
            {
                Collision(members, name, $"Model '{model.Id}' would be the client property", model.NameRange, ModelAdvice);
            }

            models.Add(new ClientModelSpec(model.Id, name, model.CSharpName + "Operations", model.Summary));
        }

        var groups = ClaimClientGroups(members);

        return new ClientSpec(
            api.Name,
            client,
            options,
            extensions,
            api.BaseUrl,
            api.Auth,
            api.Idempotency,
            api.Jobs,
            api.Webhooks,
            api.Headers,
            EquatableArray.From(models),
            api.Envelope,
            api.Errors,
            EquatableArray.From(groups));
    }

    // ---- endpoints ----------------------------------------------------------------------------------------

    private EndpointFileSpec BuildEndpoint(EndpointSpec endpoint)
    {
        var resultName = endpoint.CSharpName + "Result";
        var owner = new TypeOwner(new[] { resultName });
        var objects = new List<ResultObjectSpec>();
        var pending = new Queue<(string Name, MemberSpec Member, TypeSpec Type)>();

        var properties = BuildResultProperties(resultName, endpoint.Result, endpoint.CSharpName, owner, pending, ReservedNames.TypeMembers);
        while (pending.Count > 0)
        {
            var (name, member, type) = pending.Dequeue();
            var objectProperties = BuildResultProperties(name, type.Properties, name, owner, pending, ReservedNames.TypeMembers.Concat(ReservedNames.ResultObjectMembers));
            objects.Add(new ResultObjectSpec(name, member.Description ?? $"An item of the result's '{member.Name}'.", objectProperties));
        }

        var fieldTypes = new List<TypeDeclaration>();
        var queue = new Queue<Action>();
        foreach (var field in endpoint.Fields)
        {
            QueueNestedTypes(field, field.Type, NestedTypeName(endpoint.CSharpName, field, owner), field.Name, queue, fieldTypes, owner);
        }

        Drain(queue);
        var result = new ResultBaseSpec(resultName, endpoint.Name, endpoint.Request.ToString(), properties);
        return new EndpointFileSpec(ClaimFileName(resultName), result, EquatableArray.From(objects), EquatableArray.From(fieldTypes));
    }

    private EquatableArray<ResultPropertySpec> BuildResultProperties(
        string typeName,
        IEnumerable<MemberSpec> members,
        string nestedPrefix,
        TypeOwner owner,
        Queue<(string, MemberSpec, TypeSpec)> pending,
        IEnumerable<string> reserved,
        string noun = "result",
        IReadOnlyCollection<string>? ownReserved = null)
    {
        var scope = new NameScope();
        scope.ReserveAll(reserved);
        scope.Reserve(typeName);
        var named = new List<(MemberSpec Member, string Name, string? Nested)>();
        foreach (var member in members)
        {
            var name = ClaimMember(scope, member, member.Name, ownReserved);
            var inner = Innermost(member.Type);
            string? nested = null;
            if (inner.Kind == MemberType.Object)
            {
                nested = NestedTypeName(nestedPrefix, member, owner);
                if (ClaimNestedType(nested, member, $"'{member.Name}' of the {noun}"))
                {
                    pending.Enqueue((nested, member, inner));
                }
            }

            named.Add((member, name, nested));
        }

        // A type named in an expression inside this class must not resolve to one of its properties (CS0120).
        return EquatableArray.From(named.Select(n => new ResultPropertySpec(
            n.Member.Name,
            n.Name,
            TypeNaming.ResultType(n.Member.Type, n.Nested ?? string.Empty),
            n.Member.Type.Kind == MemberType.Array ? TypeNaming.ResultItemType(n.Member.Type.Items ?? new TypeSpec(MemberType.String), n.Nested ?? string.Empty) : null,
            n.Nested is null ? null : scope.IsTaken(n.Nested) ? $"global::{_namespace}.{n.Nested}" : n.Nested,
            WithoutProperties(n.Member.Type),
            n.Member.Description ?? $"The {noun}'s '{n.Member.Name}'.")));
    }

    // ---- models -------------------------------------------------------------------------------------------

    private ModelFileSpec BuildModel(ModelSpec model, EndpointSpec endpoint)
    {
        var name = model.CSharpName;
        var owner = new TypeOwner(ModelTypeSuffixes.Select(s => name + s).ToArray());
        var flat = endpoint.Layout == BodyLayout.Flat;
        var paramsRequired = !flat && (model.ParamsRequired || model.Params.Any(p => p.Required));
        var path = model.SubmitPath ?? endpoint.Request.Path;
        var nested = new List<TypeDeclaration>();
        var queue = new Queue<Action>();

        // A flat body's params are the request's own properties, after the fields; their enums and objects are the model's.
        // A model's overrides change a field's limits, requiredness and docs, never its type: its enums and objects stay the endpoint's.
        var members = model.FieldsOf(endpoint).Select(f => new MemberSource(f, endpoint.CSharpName, new TypeOwner(new[] { endpoint.CSharpName + "Result" }), null));
        if (flat)
        {
            members = members.Concat(model.Params.Select(p => new MemberSource(p, name, owner, (queue, nested))));
        }

        var request = BuildRecord(
            name + "Request",
            $"A request for the '{model.Id}' model ({endpoint.Request.Method} {path}).{Sentence(model.Summary)}",
            members.ToList(),
            string.Empty,
            new RequestPartSpec(model.Id, flat ? null : model.ParamsKey, flat ? null : name + "Params", paramsRequired, ReservedNames.ParamsParameter, endpoint.ModelMember, endpoint.Encoding == BodyEncoding.Multipart));

        var parameters = flat ? null : BuildRecord(
            name + "Params",
            $"The '{model.ParamsKey}' block of a '{model.Id}' request. Unset values are not sent; the server applies its defaults.",
            model.Params.Select(p => new MemberSource(p, name, owner, (queue, nested))).ToList(),
            model.ParamsKey + ".",
            null);
        Drain(queue);

        var average = model.AverageCompletionMilliseconds;
        return new ModelFileSpec(
            model.Id,
            ClaimFileName(name),
            request,
            parameters,
            EquatableArray.From(nested),
            new ModelResultSpec(name + "Result", endpoint.CSharpName + "Result", model.Id),
            new OperationsSpec(name + "Operations", model.Id, name + "Request", name + "Result", endpoint.Request.Method, path, average, model.JobGetPath, model.JobResultPath));
    }

    /// <summary>
    /// Names a record and its properties, constructor parameters and private fields. A member with a
    /// <see cref="MemberSource.DeclareNested"/> target has its enums and objects queued for declaration (after it, breadth
    /// first); without, they are declared elsewhere (a request's fields belong to the endpoint's file) and only referenced.
    /// </summary>
    private RecordSpec BuildRecord(
        string typeName,
        string summary,
        IReadOnlyList<MemberSource> members,
        string? pathPrefix,
        RequestPartSpec? request,
        IReadOnlyCollection<string>? reserved = null)
    {
        var scope = new NameScope();
        scope.ReserveAll(reserved ?? ReservedNames.TypeMembers);
        scope.Reserve(typeName);
        var parameters = new NameScope();
        var fields = new NameScope();
        if (request is not null)
        {
            parameters.Reserve(Bare(request.ParamsParameterName));
            fields.ReserveAll(ReservedNames.RequestFields);
        }

        var named = new List<(MemberSource Source, string WirePath, string Name, string? Nested, string? Parameter, string Field)>();
        foreach (var source in members)
        {
            var member = source.Member;
            var wirePath = pathPrefix is null ? member.Name : pathPrefix + member.Name;
            var name = ClaimMember(scope, member, wirePath, reserved);
            var inner = Innermost(member.Type);
            var nested = (inner.Kind == MemberType.String && inner.IsEnum) || inner.Kind == MemberType.Object ? NestedTypeName(source.NestedPrefix, member, source.Owner) : null;
            string? parameter = null;
            if (member.Required)
            {
                parameter = ClaimParameter(parameters, member, wirePath);
            }

            named.Add((source, wirePath, name, nested, parameter, fields.ClaimNumbered("s_" + name)));
        }

        var properties = new List<PropertySpec>();
        foreach (var (source, wirePath, name, nested, parameter, field) in named)
        {
            var member = source.Member;
            var allowed = member.Type.Kind == MemberType.Integer && member.Type.IsEnum ? fields.ClaimNumbered("s_" + name + "Allowed") : null;
            var type = TypeNaming.CSharpType(member.Type, nested ?? string.Empty);
            var nullable = member.Nullable && !member.Required;
            var valueField = nullable ? fields.ClaimNumbered("_" + name) : null;
            var assignedField = nullable ? fields.ClaimNumbered("_" + name + "Assigned") : null;
            properties.Add(new PropertySpec(
                member.Name,
                wirePath,
                name,
                member.Required ? type : type + "?",
                nested,
                WithoutProperties(member.Type),
                member.Required,
                member.Default,
                member.Description,
                member.Deprecated,
                field,
                allowed,
                parameter,
                "v" + name,
                nullable,
                valueField,
                assignedField,
                member.InQuery));

            if (source.DeclareNested is { } target && nested is not null)
            {
                QueueNestedTypes(member, member.Type, nested, wirePath, target.Queue, target.Output, source.Owner);
            }
        }

        return new RecordSpec(typeName, summary, EquatableArray.From(properties), pathPrefix, request);
    }

    /// <summary>Queues the declaration of <paramref name="member"/>'s enum or object type (through arrays to their items).</summary>
    private void QueueNestedTypes(MemberSpec member, TypeSpec type, string nestedName, string wirePath, Queue<Action> queue, List<TypeDeclaration> output, TypeOwner owner)
    {
        if (type.Kind == MemberType.Array && type.Items is { } items)
        {
            QueueNestedTypes(member, items, nestedName, wirePath + "[]", queue, output, owner);
            return;
        }

        if (type.Kind == MemberType.String && type.IsEnum)
        {
            if (ClaimNestedType(nestedName, member, $"'{wirePath}'") && ClaimNestedType(nestedName + "Extensions", member, $"'{wirePath}'"))
            {
                var members = type.EnumValues.Select(v => new EnumMemberSpec(NameMapper.ToPascalCase(v), v));
                queue.Enqueue(() => output.Add(new TypeDeclaration(null, new EnumSpec(nestedName, nestedName + "Extensions", wirePath, EquatableArray.From(members)))));
            }
        }
        else if (type.Kind == MemberType.Object && ClaimNestedType(nestedName, member, $"'{wirePath}'"))
        {
            queue.Enqueue(() =>
            {
                var record = BuildRecord(nestedName, member.Description ?? $"The '{wirePath}' object.", type.Properties.Select(p => new MemberSource(p, nestedName, owner, (queue, output))).ToList(), null, null);
                output.Add(new TypeDeclaration(record, null));
            });
        }
    }

    private static void Drain(Queue<Action> queue)
    {
        while (queue.Count > 0)
        {
            queue.Dequeue()();
        }
    }

    // ---- claims -------------------------------------------------------------------------------------------

    private string ClaimFixedType(string name, string owner, SourceRange range)
    {
        if (_types.TryClaim(name, owner, range))
        {
            _declaredTypes.Add(name);
        }
        else
        {
            var advice = owner.StartsWith("endpoint", StringComparison.Ordinal) || OwnerOf(name).StartsWith("endpoint", StringComparison.Ordinal)
                ? "rename the endpoint's key (it is not sent on the wire)"
                : owner.StartsWith("api", StringComparison.Ordinal) || OwnerOf(name).StartsWith("api", StringComparison.Ordinal)
                    ? "rename 'api.name'"
                    : ModelAdvice;
            Collision(_types, name, $"{Capitalise(owner)} generates the type", range, advice);
        }

        return name;
    }

    /// <summary>Claims an enum or object type named after a member; false (with PG0011) when another schema name has it.</summary>
    private bool ClaimNestedType(string name, MemberSpec member, string what)
    {
        if (_types.TryClaim(name, what, member.NameRange))
        {
            _declaredTypes.Add(name);
            return true;
        }

        Collision(_types, name, $"{Capitalise(what)} generates the type", member.NameRange, MemberAdvice);
        return false;
    }

    private string ClaimMember(NameScope scope, MemberSpec member, string wirePath, IReadOnlyCollection<string>? reserved = null)
    {
        // A type with its own reserved names (an operation's request) suffixes only those; every other type the first release's.
        var baseName = reserved is null ? MemberBaseName(member) : reserved.Contains(member.CSharpName) ? member.CSharpName + ReservedNames.MemberSuffix : member.CSharpName;
        var name = WithSuffixIfReserved(scope, baseName, ReservedNames.MemberSuffix);
        if (!scope.TryClaim(name, $"'{wirePath}'", member.NameRange))
        {
            Collision(scope, name, $"'{wirePath}' would be the property", member.NameRange, MemberAdvice);
        }

        return name;
    }

    private string ClaimParameter(NameScope parameters, MemberSpec member, string wirePath)
    {
        var bare = Bare(NameMapper.ToCamelCase(member.Name));
        if (parameters.IsTaken(bare))
        {
            bare += ReservedNames.MemberSuffix;
        }

        if (!parameters.TryClaim(bare, $"'{wirePath}'", member.NameRange))
        {
            Collision(parameters, bare, $"'{wirePath}' would be the constructor parameter", member.NameRange, MemberAdvice);
        }

        return NameMapper.EscapeKeyword(bare);
    }

    private string ClaimFileName(string typeName)
    {
        var builder = new StringBuilder(typeName.Length);
        foreach (var c in typeName)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return _files.ClaimNumbered(builder.ToString());
    }

    /// <summary>A name the generated code uses in that scope gets the fixed suffix; a name another schema name holds stays (and is reported).</summary>
    private static string WithSuffixIfReserved(NameScope scope, string name, string suffix) =>
        scope.TryGetOwner(name, out _, out var range) && range is null ? name + suffix : name;

    /// <summary>
    /// The member's name as every scope starts from: its PascalCase identifier, with the member suffix when it is a
    /// name every generated type uses. Nested type names are built from it, so they are the same in every file.
    /// </summary>
    private static string MemberBaseName(MemberSpec member) =>
        ReservedNames.TypeMembers.Contains(member.CSharpName) ? member.CSharpName + ReservedNames.MemberSuffix : member.CSharpName;

    /// <summary>The type of a member's enum or object: owner + member (singular for arrays), suffixed when it is one of the owner's own types.</summary>
    private static string NestedTypeName(string prefix, MemberSpec member, TypeOwner owner)
    {
        var name = TypeNaming.NestedName(prefix, member.Type.Kind, MemberBaseName(member));
        return Array.IndexOf(owner.OwnTypes, name) >= 0 ? name + ReservedNames.TypeSuffix : name;
    }

    /// <summary>PG0011: "<paramref name="subject"/> '<paramref name="name"/>', like (the earlier holder, line N); advice."</summary>
    private void Collision(NameScope scope, string name, string subject, SourceRange range, string advice)
    {
        scope.TryGetOwner(name, out var other, out var otherRange);
        var holder = otherRange is { } at ? $"{other} (line {at.StartLine.ToString(CultureInfo.InvariantCulture)})" : other;
        Error(SchemaDiagnosticIds.NameCollision, $"{subject} '{name}', like {holder}; {advice}.", range);
    }

    private const string ModelAdvice =
        "model ids are sent on the wire and cannot change, so describe one of the two models in a schema file of its own (with another 'namespace:')";

    private const string MemberAdvice =
        "both names are sent on the wire and cannot change; describe the model in a schema file of its own if the two belong to different models, or report this schema so ProducerGen learns a rule for it";

    private string OwnerOf(string name) => _types.TryGetOwner(name, out var owner, out _) ? owner : string.Empty;

    private void Error(string id, string message, SourceRange range) =>
        _diagnostics.Add(new SchemaDiagnostic(id, SchemaSeverity.Error, message, range));

    // ---- helpers ------------------------------------------------------------------------------------------

    private static TypeSpec Innermost(TypeSpec type)
    {
        while (type is { Kind: MemberType.Array, Items: { } items })
        {
            type = items;
        }

        return type;
    }

    /// <summary>The type without nested properties or locations: specs compare equal when only line numbers moved.</summary>
    private static TypeSpec WithoutProperties(TypeSpec type) => type with
    {
        Properties = EquatableArray<MemberSpec>.Empty,
        Items = type.Items is { } items ? WithoutProperties(items) : null,
    };

    private static string Bare(string identifier) => identifier.TrimStart('@');

    private static string Sentence(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : " " + text!.Trim();

    private static string Capitalise(string text) =>
        text.Length == 0 || text[0] == '\'' ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>
    /// A member of a record being named, with where its enum or object types come from: the prefix of their names, the
    /// owner whose own types they give way to, and the queue that declares them (null: declared in another file).
    /// </summary>
    private sealed record MemberSource(MemberSpec Member, string NestedPrefix, TypeOwner Owner, (Queue<Action> Queue, List<TypeDeclaration> Output)? DeclareNested);

    /// <summary>The fixed types of a member's owner (its model's or endpoint's own), which a member-derived type gives way to.</summary>
    private sealed class TypeOwner
    {
        public TypeOwner(string[] ownTypes) => OwnTypes = ownTypes;

        public string[] OwnTypes { get; }
    }
}

/// <summary>The naming pass's outcome for one schema.</summary>
/// <param name="Spec">What to emit, or null when a naming error was reported.</param>
/// <param name="Diagnostics">PG0011 (and namespace) problems, located in the YAML.</param>
internal sealed record NamingResult(SchemaSpec? Spec, EquatableArray<SchemaDiagnostic> Diagnostics);
