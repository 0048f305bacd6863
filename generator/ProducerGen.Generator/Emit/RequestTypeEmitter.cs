using System.Collections.Generic;
using System.Linq;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Naming;

namespace ProducerGen.Generator.Emit;

/// <summary>
/// Emits a writable request-side type (the request, its params, nested objects): properties with
/// constraint attributes and docs, a constructor for required members, <c>ValidateInto</c> with
/// reflection-free checks, and <c>WriteJson</c> with <c>Utf8JsonWriter</c>. Nested enums and objects
/// are emitted after it, recursively.
/// </summary>
internal sealed class RequestTypeEmitter
{
    private const string Checks = "global::ProducerGen.ConstraintChecks";
    private const string ErrorList = "global::System.Collections.Generic.List<global::ProducerGen.ValidationError>";
    private const string JsonWriter = "global::System.Text.Json.Utf8JsonWriter";

    private readonly SourceWriter _writer;
    private readonly string _schemaFile;
    private readonly List<System.Action> _pending = new();
    private int _locals;

    public RequestTypeEmitter(SourceWriter writer, string schemaFile)
    {
        _writer = writer;
        _schemaFile = schemaFile;
    }

    /// <summary>One type to emit.</summary>
    /// <param name="Name">The C# type name.</param>
    /// <param name="Summary">Its doc summary.</param>
    /// <param name="Members">Its members.</param>
    /// <param name="NestedPrefix">Prefix of names of nested enum/object types.</param>
    /// <param name="PathPrefix">Literal JSON-path prefix ("producerParams."), or null when the path is passed in at run time.</param>
    /// <param name="Extra">Request-only extras: the model id and its params member.</param>
    /// <param name="EmitNested">False when the nested types live in another file (the endpoint's, for shared fields).</param>
    public sealed record TypeShape(string Name, string Summary, IReadOnlyList<MemberSpec> Members, string NestedPrefix, string? PathPrefix, RequestExtras? Extra, bool EmitNested = true);

    /// <summary>The top-level request's model id, params key and params type.</summary>
    public sealed record RequestExtras(string ModelId, string ParamsKey, string ParamsType, bool ParamsRequired);

    public void Emit(TypeShape shape)
    {
        EmitType(shape);
        Drain();
    }

    /// <summary>Emits only the enums and nested objects of <paramref name="members"/> (an endpoint's shared fields).</summary>
    public void EmitNestedTypes(IReadOnlyList<MemberSpec> members, string nestedPrefix, string pathPrefix)
    {
        var shape = new TypeShape(string.Empty, string.Empty, members, nestedPrefix, pathPrefix, null);
        foreach (var member in members)
        {
            QueueNested(shape, member, member.Type, TypeNaming.NestedName(nestedPrefix, member), WirePath(shape, member));
        }

        Drain();
    }

    private void Drain()
    {
        while (_pending.Count > 0)
        {
            var next = _pending[0];
            _pending.RemoveAt(0);
            next();
        }
    }

    private void EmitType(TypeShape shape)
    {
        var w = _writer;
        var isRequest = shape.Extra is not null;
        w.Doc("summary", shape.Summary);
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public sealed partial record {shape.Name}" + (isRequest ? " : global::ProducerGen.IGenerationRequest" : string.Empty));

        EmitEncodedNames(shape);
        EmitConstructor(shape);
        foreach (var member in shape.Members)
        {
            EmitProperty(shape, member);
        }

        if (shape.Extra is { } extra)
        {
            w.DocXml("summary", $"The <c>{SourceWriter.Escape(extra.ParamsKey)}</c> block: {SourceWriter.Escape(extra.ModelId)}'s own parameters.");
            w.Line($"public {extra.ParamsType}{(extra.ParamsRequired ? string.Empty : "?")} Params {{ get; set; }}");
            w.Line();
        }

        EmitValidate(shape);
        EmitWriteJson(shape);
        w.CloseBlock();
        w.Line();

        foreach (var member in shape.EmitNested ? shape.Members : new List<MemberSpec>())
        {
            QueueNested(shape, member, member.Type, TypeNaming.NestedName(shape.NestedPrefix, member), WirePath(shape, member));
        }
    }

    private void QueueNested(TypeShape owner, MemberSpec member, TypeSpec type, string nestedName, string wirePath)
    {
        if (type.Kind == MemberType.Array && type.Items is { } items)
        {
            QueueNested(owner, member, items, nestedName, wirePath + "[]");
            return;
        }

        if (type.Kind == MemberType.String && type.IsEnum)
        {
            _pending.Add(() => EnumEmitter.Emit(_writer, nestedName, type, wirePath));
        }
        else if (type.Kind == MemberType.Object)
        {
            var shape = new TypeShape(nestedName, member.Description ?? $"The '{wirePath}' object.", type.Properties.ToList(), nestedName, null, null);
            _pending.Add(() => EmitType(shape));
        }
    }

    private void EmitEncodedNames(TypeShape shape)
    {
        if (shape.Extra is { } extra)
        {
            _writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_model = global::System.Text.Json.JsonEncodedText.Encode(\"model\");");
            _writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_modelId = global::System.Text.Json.JsonEncodedText.Encode({Literals.String(extra.ModelId)});");
            _writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_params = global::System.Text.Json.JsonEncodedText.Encode({Literals.String(extra.ParamsKey)});");
        }

        foreach (var member in shape.Members)
        {
            _writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_{member.CSharpName} = global::System.Text.Json.JsonEncodedText.Encode({Literals.String(member.Name)});");
            if (member.Type.Kind == MemberType.Integer && member.Type.IsEnum)
            {
                _writer.Line($"private static readonly long[] s_{member.CSharpName}Allowed = {{ {string.Join(", ", member.Type.EnumValues.Select(v => v + "L"))} }};");
            }
        }

        _writer.Line();
    }

    private void EmitConstructor(TypeShape shape)
    {
        var required = shape.Members.Where(m => m.Required).ToList();
        var paramsRequired = shape.Extra?.ParamsRequired ?? false;
        if (required.Count == 0 && !paramsRequired)
        {
            return;
        }

        _writer.DocXml("summary", $"Creates a <see cref=\"{shape.Name}\"/> with its required members.");
        foreach (var member in required)
        {
            _writer.Line($"/// <param name=\"{NameMapper.ToCamelCase(member.Name).TrimStart('@')}\">{SourceWriter.EscapeLine(member.Description ?? member.Name)}</param>");
        }

        var parameters = required.Select(m => $"{Attributes(shape, m, inline: true)}{PropertyType(shape, m)} {NameMapper.ToCamelCase(m.Name)}").ToList();
        if (paramsRequired)
        {
            _writer.Line("/// <param name=\"params\">The model's parameters.</param>");
            parameters.Add($"{shape.Extra!.ParamsType} @params");
        }

        _writer.OpenBlock($"public {shape.Name}({string.Join(", ", parameters)})");
        foreach (var member in required)
        {
            _writer.Line($"{member.CSharpName} = {NameMapper.ToCamelCase(member.Name)};");
        }

        if (paramsRequired)
        {
            _writer.Line("Params = @params;");
        }

        _writer.CloseBlock();
        _writer.Line();
    }

    private void EmitProperty(TypeShape shape, MemberSpec member)
    {
        DocText.WriteMemberDocs(_writer, member, WirePath(shape, member));
        foreach (var attribute in AttributeList(shape, member))
        {
            _writer.Line(attribute);
        }

        if (member.Deprecated)
        {
            _writer.Line("[global::System.Obsolete(\"Deprecated by the API schema.\")]");
        }

        _writer.Line($"public {PropertyType(shape, member)} {member.CSharpName} {{ get; set; }}");
        _writer.Line();
    }

    private string PropertyType(TypeShape shape, MemberSpec member)
    {
        var type = TypeNaming.CSharpType(member.Type, TypeNaming.NestedName(shape.NestedPrefix, member));
        return member.Required ? type : type + "?";
    }

    private string Attributes(TypeShape shape, MemberSpec member, bool inline) =>
        string.Concat(AttributeList(shape, member).Select(a => a + " "));

    private IEnumerable<string> AttributeList(TypeShape shape, MemberSpec member)
    {
        var type = member.Type;
        var path = WirePath(shape, member);
        yield return $"[global::ProducerGen.SchemaMember({Literals.String(path)}, SchemaFile = {Literals.String(_schemaFile)})]";
        if (type.Minimum is not null || type.Maximum is not null || type.Step is not null)
        {
            var args = new List<string>();
            if (type.Minimum is { } min)
            {
                args.Add("Minimum = " + Literals.Double(min));
            }

            if (type.Maximum is { } max)
            {
                args.Add("Maximum = " + Literals.Double(max));
            }

            if (type.Step is { } step)
            {
                args.Add("Step = " + Literals.Double(step));
            }

            yield return $"[global::ProducerGen.SchemaRange({string.Join(", ", args)})]";
        }

        if (type.MinLength is not null || type.MaxLength is not null)
        {
            yield return $"[global::ProducerGen.SchemaLength({Named("MinLength", type.MinLength)}{Named("MaxLength", type.MaxLength)})]".Replace(", )", ")");
        }

        if (type.MinItems is not null || type.MaxItems is not null)
        {
            yield return $"[global::ProducerGen.SchemaItems({Named("MinItems", type.MinItems)}{Named("MaxItems", type.MaxItems)})]".Replace(", )", ")");
        }

        if (type.Kind == MemberType.Integer && type.IsEnum)
        {
            yield return $"[global::ProducerGen.SchemaAllowedValues({string.Join(", ", type.EnumValues.Select(v => v + "L"))})]";
        }
    }

    private static string Named(string name, int? value) => value is { } v ? $"{name} = {Literals.Int(v)}, " : string.Empty;

    private void EmitValidate(TypeShape shape)
    {
        var w = _writer;
        if (shape.Extra is not null || shape.PathPrefix is not null)
        {
            w.Doc("summary", "Checks every constraint of the schema and returns every violation at once, each with its JSON path.");
            w.OpenBlock("public global::ProducerGen.ValidationResult Validate()");
            w.Line($"var errors = new {ErrorList}();");
            w.Line("ValidateInto(errors);");
            w.Line("return errors.Count == 0 ? global::ProducerGen.ValidationResult.Valid : new global::ProducerGen.ValidationResult(errors);");
            w.CloseBlock();
            w.Line();
            w.OpenBlock($"internal void ValidateInto({ErrorList} errors)");
        }
        else
        {
            w.OpenBlock($"internal void ValidateInto({ErrorList} errors, string path)");
        }

        foreach (var member in shape.Members)
        {
            var path = PathExpression(shape, member);
            var nestedName = TypeNaming.NestedName(shape.NestedPrefix, member);
            if (member.Required && !TypeNaming.IsValueType(member.Type))
            {
                w.Line($"{Checks}.Required(errors, {path}, {member.CSharpName});");
            }

            EmitChecks(member.Type, member.CSharpName, nullable: !member.Required, path, nestedName, $"s_{member.CSharpName}Allowed", depth: 0);
        }

        if (shape.Extra is { } extra)
        {
            if (extra.ParamsRequired)
            {
                w.Line($"{Checks}.Required(errors, {Literals.String(extra.ParamsKey)}, Params);");
            }

            w.Line("Params?.ValidateInto(errors);");
        }

        w.CloseBlock();
        w.Line();
    }

    private void EmitChecks(TypeSpec type, string value, bool nullable, string path, string nestedName, string allowedField, int depth)
    {
        var w = _writer;
        switch (type.Kind)
        {
            case MemberType.String when type.IsEnum:
                w.Line(nullable
                    ? $"{Checks}.DefinedEnum(errors, {path}, {value} is null || {value}.Value.IsDefined(), {value});"
                    : $"{Checks}.DefinedEnum(errors, {path}, {value}.IsDefined(), {value});");
                break;
            case MemberType.String:
                if (type.MinLength is not null || type.MaxLength is not null)
                {
                    w.Line($"{Checks}.Length(errors, {path}, {value}, {Literals.NullableInt(type.MinLength)}, {Literals.NullableInt(type.MaxLength)});");
                }

                if (type.Pattern is { } pattern)
                {
                    w.Line($"{Checks}.Pattern(errors, {path}, {value}, {Literals.String(pattern)});");
                }

                break;
            case MemberType.Integer:
                if (type.Minimum is not null || type.Maximum is not null || type.Step is not null)
                {
                    w.Line($"{Checks}.Range(errors, {path}, {value}, {Literals.NullableLong(type.Minimum)}, {Literals.NullableLong(type.Maximum)}, {Literals.NullableLong(type.Step)});");
                }

                if (type.IsEnum)
                {
                    var allowed = depth == 0 ? allowedField : $"new long[] {{ {string.Join(", ", type.EnumValues.Select(v => v + "L"))} }}";
                    w.Line($"{Checks}.AllowedValues(errors, {path}, {value}, {allowed});");
                }

                break;
            case MemberType.Number:
                if (type.Minimum is not null || type.Maximum is not null || type.Step is not null)
                {
                    w.Line($"{Checks}.Range(errors, {path}, {value}, {Literals.NullableDouble(type.Minimum)}, {Literals.NullableDouble(type.Maximum)}, {Literals.NullableDouble(type.Step)});");
                }

                break;
            case MemberType.Url:
                w.Line($"{Checks}.HttpUrl(errors, {path}, {value});");
                break;
            case MemberType.Object:
                w.Line($"{value}{(nullable ? "?" : string.Empty)}.ValidateInto(errors, {path});");
                break;
            case MemberType.Array:
                if (type.MinItems is not null || type.MaxItems is not null)
                {
                    w.Line($"{Checks}.Items(errors, {path}, {value}, {Literals.NullableInt(type.MinItems)}, {Literals.NullableInt(type.MaxItems)});");
                }

                if (type.Items is { } items && NeedsChecks(items))
                {
                    var local = _locals++;
                    var list = $"list{local}";
                    var index = $"i{local}";
                    w.OpenBlock($"if ({value} is {{ }} {list})");
                    w.OpenBlock($"for (var {index} = 0; {index} < {list}.Count; {index}++)");
                    var itemPath = $"{path} + \"[\" + {index}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"";
                    EmitChecks(items, $"{list}[{index}]", nullable: !TypeNaming.IsValueType(items), itemPath, nestedName, allowedField, depth + 1);
                    w.CloseBlock();
                    w.CloseBlock();
                }

                break;
        }
    }

    private static bool NeedsChecks(TypeSpec type) => type.Kind switch
    {
        MemberType.String => type.IsEnum || type.MinLength is not null || type.MaxLength is not null || type.Pattern is not null,
        MemberType.Integer => type.IsEnum || type.Minimum is not null || type.Maximum is not null || type.Step is not null,
        MemberType.Number => type.Minimum is not null || type.Maximum is not null || type.Step is not null,
        MemberType.Url or MemberType.Object => true,
        MemberType.Array => type.MinItems is not null || type.MaxItems is not null || (type.Items is { } items && NeedsChecks(items)),
        _ => false,
    };

    private void EmitWriteJson(TypeShape shape)
    {
        var w = _writer;
        w.Doc("summary", "Writes this value as JSON with the schema's wire names; unset optional members are omitted.");
        w.OpenBlock($"public void WriteJson({JsonWriter} writer)");
        w.Line("writer.WriteStartObject();");
        if (shape.Extra is not null)
        {
            w.Line("writer.WriteString(s_model, s_modelId);");
        }

        foreach (var member in shape.Members)
        {
            var name = $"s_{member.CSharpName}";
            if (member.Required && TypeNaming.IsValueType(member.Type))
            {
                EmitWriteValue(member.Type, member.CSharpName, name, depth: 0);
            }
            else
            {
                w.OpenBlock($"if ({member.CSharpName} is {{ }} {Local(member)})");
                EmitWriteValue(member.Type, Local(member), name, depth: 0);
                w.CloseBlock();
            }
        }

        if (shape.Extra is not null)
        {
            w.OpenBlock("if (Params is { } parameters)");
            w.Line("writer.WritePropertyName(s_params);");
            w.Line("parameters.WriteJson(writer);");
            w.CloseBlock();
        }

        w.Line("writer.WriteEndObject();");
        w.CloseBlock();
    }

    private static string Local(MemberSpec member) => "v" + member.CSharpName;

    /// <summary>Writes one non-null value; <paramref name="name"/> is the encoded property name, or null inside arrays.</summary>
    private void EmitWriteValue(TypeSpec type, string value, string? name, int depth)
    {
        var w = _writer;
        var prefix = name is null ? string.Empty : name + ", ";
        switch (type.Kind)
        {
            case MemberType.String when type.IsEnum:
                w.Line(name is null ? $"writer.WriteStringValue({value}.ToWireValue());" : $"writer.WriteString({prefix}{value}.ToWireValue());");
                break;
            case MemberType.String:
                w.Line(name is null ? $"writer.WriteStringValue({value});" : $"writer.WriteString({prefix}{value});");
                break;
            case MemberType.Url:
                var text = $"({value}.IsAbsoluteUri ? {value}.AbsoluteUri : {value}.OriginalString)";
                w.Line(name is null ? $"writer.WriteStringValue({text});" : $"writer.WriteString({prefix}{text});");
                break;
            case MemberType.Integer:
            case MemberType.Number:
                w.Line(name is null ? $"writer.WriteNumberValue({value});" : $"writer.WriteNumber({prefix}{value});");
                break;
            case MemberType.Boolean:
                w.Line(name is null ? $"writer.WriteBooleanValue({value});" : $"writer.WriteBoolean({prefix}{value});");
                break;
            case MemberType.Object:
                if (name is not null)
                {
                    w.Line($"writer.WritePropertyName({name});");
                }

                w.Line($"{value}.WriteJson(writer);");
                break;
            case MemberType.Array:
                w.Line(name is null ? "writer.WriteStartArray();" : $"writer.WriteStartArray({name});");
                var item = $"item{depth}";
                var items = type.Items ?? new TypeSpec(MemberType.String);
                w.OpenBlock($"foreach (var {item} in {value})");
                if (TypeNaming.IsValueType(items))
                {
                    EmitWriteValue(items, item, null, depth + 1);
                }
                else
                {
                    w.OpenBlock($"if ({item} is null)");
                    w.Line("writer.WriteNullValue();");
                    w.CloseBlock();
                    w.OpenBlock("else");
                    EmitWriteValue(items, item, null, depth + 1);
                    w.CloseBlock();
                }

                w.CloseBlock();
                w.Line("writer.WriteEndArray();");
                break;
        }
    }

    private static string WirePath(TypeShape shape, MemberSpec member) =>
        shape.PathPrefix is null ? member.Name : shape.PathPrefix + member.Name;

    private static string PathExpression(TypeShape shape, MemberSpec member) =>
        shape.PathPrefix is null ? $"path + {Literals.String("." + member.Name)}" : Literals.String(shape.PathPrefix + member.Name);
}
