using System.Collections.Generic;
using System.Linq;
using ProducerGen.Generator.Specs;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Emit;

/// <summary>
/// Prints a writable request-side record (a request, its params, a nested object) from its spec: properties with
/// constraint attributes and docs, a constructor for required members, <c>ValidateInto</c> with reflection-free
/// checks, and <c>WriteJson</c> with <c>Utf8JsonWriter</c>. Every name comes from the spec.
/// </summary>
internal sealed class RecordEmitter
{
    private const string Checks = "global::ProducerGen.ConstraintChecks";
    private const string ErrorList = "global::System.Collections.Generic.List<global::ProducerGen.ValidationError>";
    private const string JsonWriter = "global::System.Text.Json.Utf8JsonWriter";

    private readonly SourceWriter _writer;
    private readonly string _schemaFile;
    private int _locals;

    public RecordEmitter(SourceWriter writer, string schemaFile)
    {
        _writer = writer;
        _schemaFile = schemaFile;
    }

    /// <summary>Prints the nested types of a file in the order the naming pass gave them.</summary>
    public void EmitAll(IEnumerable<TypeDeclaration> declarations)
    {
        foreach (var declaration in declarations)
        {
            if (declaration.Record is { } record)
            {
                Emit(record);
            }
            else if (declaration.Enum is { } enumSpec)
            {
                EnumEmitter.Emit(_writer, enumSpec);
            }
        }
    }

    public void Emit(RecordSpec shape)
    {
        var w = _writer;
        var isRequest = shape.Request is not null;
        w.Doc("summary", shape.Summary);
        w.Line(GeneratedCode.Attribute);
        var contract = shape.Request is { Multipart: true } ? " : global::ProducerGen.IMultipartGenerationRequest" : " : global::ProducerGen.IGenerationRequest";
        var hasQuery = isRequest && shape.Properties.Any(p => p.InQuery);
        if (hasQuery)
        {
            contract += ", global::ProducerGen.IQueryParameters";
        }

        if (shape.BaseType is { } baseType)
        {
            contract = " : " + baseType + "," + contract.Substring(2);
        }

        w.OpenBlock($"public sealed partial record {shape.Name}" + (isRequest ? contract : string.Empty));

        EmitEncodedNames(shape);
        EmitConstructor(shape);
        foreach (var member in shape.Properties)
        {
            EmitProperty(member);
        }

        if (shape.Request is { ParamsKey: not null } extra)
        {
            w.DocXml("summary", $"The <c>{SourceWriter.Escape(extra.ParamsKey)}</c> block: {SourceWriter.Escape(extra.ModelId)}'s own parameters.");
            w.Line($"public {extra.ParamsTypeName}{(extra.ParamsRequired ? string.Empty : "?")} Params {{ get; set; }}");
            w.Line();
        }

        EmitValidate(shape);
        EmitWriteJson(shape);
        if (shape.Request is { Multipart: true })
        {
            w.Line();
            EmitWriteMultipart(shape);
        }

        if (hasQuery)
        {
            w.Line();
            EmitWriteQuery(shape);
        }

        w.CloseBlock();
        w.Line();
    }

    private void EmitEncodedNames(RecordSpec shape)
    {
        if (shape.Request is { } extra)
        {
            if (extra.ModelMember is { } modelMember)
            {
                _writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_model = global::System.Text.Json.JsonEncodedText.Encode({Literals.String(modelMember)});");
                _writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_modelId = global::System.Text.Json.JsonEncodedText.Encode({Literals.String(extra.ModelId)});");
            }

            if (extra.ParamsKey is { } paramsKey)
            {
                _writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText s_params = global::System.Text.Json.JsonEncodedText.Encode({Literals.String(paramsKey)});");
            }
        }

        foreach (var member in shape.Properties)
        {
            if (member.InQuery)
            {
                // Written to the query string by WriteQuery, never to JSON.
                if (member.AllowedValuesField is { } queryAllowed)
                {
                    _writer.Line($"private static readonly long[] {queryAllowed} = {{ {string.Join(", ", member.Type.EnumValues.Select(v => v + "L"))} }};");
                }

                continue;
            }

            _writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText {member.EncodedNameField} = global::System.Text.Json.JsonEncodedText.Encode({Literals.String(member.WireName)});");
            if (member.AllowedValuesField is { } allowedField)
            {
                _writer.Line($"private static readonly long[] {allowedField} = {{ {string.Join(", ", member.Type.EnumValues.Select(v => v + "L"))} }};");
            }
        }

        foreach (var member in shape.Properties)
        {
            if (member is { ValueField: { } valueField, AssignedField: { } assignedField })
            {
                _writer.Line($"private {member.DeclaredType} {valueField};");
                _writer.Line($"private bool {assignedField};");
            }
        }

        _writer.Line();
    }

    private void EmitConstructor(RecordSpec shape)
    {
        var required = shape.Properties.Where(m => m.Required).ToList();
        var paramsRequired = shape.Request?.ParamsRequired ?? false;
        if (required.Count == 0 && !paramsRequired)
        {
            return;
        }

        _writer.DocXml("summary", $"Creates a <see cref=\"{shape.Name}\"/> with its required members.");
        foreach (var member in required)
        {
            _writer.Line($"/// <param name=\"{member.ParameterName!.TrimStart('@')}\">{SourceWriter.EscapeLine(member.Description ?? member.WireName)}</param>");
        }

        var parameters = required.Select(m => $"{Attributes(m)}{m.DeclaredType} {m.ParameterName}").ToList();
        if (paramsRequired)
        {
            _writer.Line($"/// <param name=\"{shape.Request!.ParamsParameterName.TrimStart('@')}\">The model's parameters.</param>");
            parameters.Add($"{shape.Request.ParamsTypeName} {shape.Request.ParamsParameterName}");
        }

        _writer.OpenBlock($"public {shape.Name}({string.Join(", ", parameters)})");
        foreach (var member in required)
        {
            // A parameter spelled like its property (a name starting with '_' or a letter without case) needs 'this.'.
            var target = member.ParameterName!.TrimStart('@') == member.Name ? "this." + member.Name : member.Name;
            _writer.Line($"{target} = {member.ParameterName};");
        }

        if (paramsRequired)
        {
            _writer.Line($"Params = {shape.Request!.ParamsParameterName};");
        }

        _writer.CloseBlock();
        _writer.Line();
    }

    private void EmitProperty(PropertySpec member)
    {
        DocText.WriteMemberDocs(_writer, member);
        foreach (var attribute in AttributeList(member))
        {
            _writer.Line(attribute);
        }

        if (member.Deprecated)
        {
            _writer.Line("[global::System.Obsolete(\"Deprecated by the API schema.\")]");
        }

        if (member is { ValueField: { } valueField, AssignedField: { } assignedField })
        {
            // The flag tells "assigned null" (sent as JSON null) from "never assigned" (not sent).
            _writer.OpenBlock($"public {member.DeclaredType} {member.Name}");
            _writer.Line($"get => {valueField};");
            _writer.OpenBlock("set");
            _writer.Line($"{valueField} = value;");
            _writer.Line($"{assignedField} = true;");
            _writer.CloseBlock();
            _writer.CloseBlock();
        }
        else
        {
            _writer.Line($"public {member.DeclaredType} {member.Name} {{ get; set; }}");
        }

        _writer.Line();
    }

    private string Attributes(PropertySpec member) =>
        string.Concat(AttributeList(member).Select(a => a + " "));

    private IEnumerable<string> AttributeList(PropertySpec member)
    {
        var type = member.Type;
        var path = member.WirePath;
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

        if (type.Format != MemberFormat.None)
        {
            yield return $"[global::ProducerGen.SchemaFormat(global::ProducerGen.StringFormat.{type.Format})]";
        }

        if (type.Kind == MemberType.Integer && type.IsEnum)
        {
            yield return $"[global::ProducerGen.SchemaAllowedValues({string.Join(", ", type.EnumValues.Select(v => v + "L"))})]";
        }
    }

    private static string Named(string name, int? value) => value is { } v ? $"{name} = {Literals.Int(v)}, " : string.Empty;

    private void EmitValidate(RecordSpec shape)
    {
        var w = _writer;
        if (shape.Request is not null || shape.PathPrefix is not null)
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

        foreach (var member in shape.Properties)
        {
            var path = PathExpression(shape, member);
            if (member.Required && !ValueKinds.IsValueType(member.Type))
            {
                w.Line($"{Checks}.Required(errors, {path}, {member.Name});");
            }

            EmitChecks(member.Type, member.Name, nullable: !member.Required, path, member.AllowedValuesField ?? string.Empty, depth: 0);
        }

        if (shape.Request is { ParamsKey: { } paramsKey } extra)
        {
            if (extra.ParamsRequired)
            {
                w.Line($"{Checks}.Required(errors, {Literals.String(paramsKey)}, Params);");
            }

            w.Line("Params?.ValidateInto(errors);");
        }

        w.CloseBlock();
        w.Line();
    }

    private void EmitChecks(TypeSpec type, string value, bool nullable, string path, string allowedField, int depth)
    {
        var w = _writer;
        switch (type.Kind)
        {
            case MemberType.String when type.IsEnum:
                if (nullable)
                {
                    w.Line($"{Checks}.DefinedEnum(errors, {path}, {value} is null || {value}.Value.IsDefined(), {value});");
                }
                else
                {
                    // Guarded: a list item's path is built (and the value boxed) only for a value that is not defined.
                    w.OpenBlock($"if (!{value}.IsDefined())");
                    w.Line($"{Checks}.DefinedEnum(errors, {path}, false, {value});");
                    w.CloseBlock();
                }

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

                if (type.Format != MemberFormat.None)
                {
                    w.Line($"{Checks}.Format(errors, {path}, {value}, global::ProducerGen.StringFormat.{type.Format});");
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
                    EmitChecks(items, $"{list}[{index}]", nullable: !ValueKinds.IsValueType(items), itemPath, allowedField, depth + 1);
                    w.CloseBlock();
                    w.CloseBlock();
                }

                break;
        }
    }

    private static bool NeedsChecks(TypeSpec type) => type.Kind switch
    {
        MemberType.String => type.IsEnum || type.MinLength is not null || type.MaxLength is not null || type.Pattern is not null || type.Format != MemberFormat.None,
        MemberType.Integer => type.IsEnum || type.Minimum is not null || type.Maximum is not null || type.Step is not null,
        MemberType.Number => type.Minimum is not null || type.Maximum is not null || type.Step is not null,
        MemberType.Url or MemberType.Object => true,
        MemberType.File => false,
        MemberType.Array => type.MinItems is not null || type.MaxItems is not null || (type.Items is { } items && NeedsChecks(items)),
        _ => false,
    };

    private void EmitWriteJson(RecordSpec shape)
    {
        var w = _writer;
        w.Doc("summary", shape.Request is { Multipart: true }
            ? "Writes a JSON view of this request (files by their file name) with the schema's wire names; unset optional members are omitted. It is sent as multipart/form-data (WriteMultipart)."
            : "Writes this value as JSON with the schema's wire names; unset optional members are omitted.");
        w.OpenBlock($"public void WriteJson({JsonWriter} writer)");
        w.Line("writer.WriteStartObject();");
        if (shape.Request is { ModelMember: not null })
        {
            w.Line("writer.WriteString(s_model, s_modelId);");
        }

        foreach (var member in shape.Properties.Where(p => !p.InQuery))
        {
            if (member.Required && ValueKinds.IsValueType(member.Type))
            {
                EmitWriteValue(member.Type, member.Name, member.EncodedNameField, depth: 0);
            }
            else
            {
                w.OpenBlock($"if ({member.Name} is {{ }} {member.Local})");
                EmitWriteValue(member.Type, member.Local, member.EncodedNameField, depth: 0);
                w.CloseBlock();
                if (member.AssignedField is { } assignedField)
                {
                    w.OpenBlock($"else if ({assignedField})");
                    w.Line($"writer.WriteNull({member.EncodedNameField});");
                    w.CloseBlock();
                }
            }
        }

        if (shape.Request is { ParamsKey: not null })
        {
            w.OpenBlock("if (Params is { } parameters)");
            w.Line("writer.WritePropertyName(s_params);");
            w.Line("parameters.WriteJson(writer);");
            w.CloseBlock();
        }

        w.Line("writer.WriteEndObject();");
        w.CloseBlock();
    }

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
            case MemberType.File:
                w.Line(name is null ? $"writer.WriteStringValue({value}.FileName);" : $"writer.WriteString({prefix}{value}.FileName);");
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
                if (ValueKinds.IsValueType(items))
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

    /// <summary>
    /// Prints <c>WriteMultipart</c>: one form part per set member in the order of <c>WriteJson</c>: scalars as invariant
    /// text, arrays and objects (and a nested params block) as JSON parts, files as file parts.
    /// </summary>
    private void EmitWriteMultipart(RecordSpec shape)
    {
        var w = _writer;
        var extra = shape.Request!;
        w.Doc("summary", "Adds this request's multipart/form-data parts with the schema's wire names; unset optional members are omitted.");
        w.OpenBlock("public void WriteMultipart(global::ProducerGen.MultipartFormBuilder form)");
        if (extra.ModelMember is { } modelMember)
        {
            w.Line($"form.AddText({Literals.String(modelMember)}, {Literals.String(extra.ModelId)});");
        }

        foreach (var member in shape.Properties.Where(p => !p.InQuery))
        {
            if (member.Required && ValueKinds.IsValueType(member.Type))
            {
                EmitPart(member.Type, member.Name, member.WireName);
            }
            else
            {
                w.OpenBlock($"if ({member.Name} is {{ }} {member.Local})");
                EmitPart(member.Type, member.Local, member.WireName);
                w.CloseBlock();
            }
        }

        if (extra.ParamsKey is { } paramsKey)
        {
            w.OpenBlock("if (Params is { } parameters)");
            w.Line($"parameters.WriteJson(form.AddJson({Literals.String(paramsKey)}));");
            w.CloseBlock();
        }

        w.CloseBlock();
    }

    private void EmitWriteQuery(RecordSpec shape)
    {
        var w = _writer;
        w.Doc("summary", "Adds this request's query-string members (in: query) that are set, as wire name and invariant text.");
        w.OpenBlock("public void WriteQuery(global::System.Collections.Generic.ICollection<global::System.Collections.Generic.KeyValuePair<string, string>> query)");
        foreach (var member in shape.Properties.Where(p => p.InQuery))
        {
            var value = member.Required && ValueKinds.IsValueType(member.Type) ? member.Name : member.Local;
            var text = member.Type.Kind switch
            {
                MemberType.String when member.Type.IsEnum => $"{value}.ToWireValue()",
                MemberType.String => value,
                MemberType.Url => $"({value}.IsAbsoluteUri ? {value}.AbsoluteUri : {value}.OriginalString)",
                MemberType.Boolean => $"({value} ? \"true\" : \"false\")",
                _ => $"{value}.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)",
            };
            if (member.Type.Kind == MemberType.Integer)
            {
                text = $"{value}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)";
            }

            var add = $"query.Add(new global::System.Collections.Generic.KeyValuePair<string, string>({Literals.String(member.WireName)}, {text}));";
            if (member.Required && ValueKinds.IsValueType(member.Type))
            {
                w.Line(add);
            }
            else
            {
                w.OpenBlock($"if ({member.Name} is {{ }} {member.Local})");
                w.Line(add);
                w.CloseBlock();
            }
        }

        w.CloseBlock();
    }

    private void EmitPart(TypeSpec type, string value, string wireName)
    {
        var w = _writer;
        var name = Literals.String(wireName);
        switch (type.Kind)
        {
            case MemberType.String when type.IsEnum:
                w.Line($"form.AddText({name}, {value}.ToWireValue());");
                break;
            case MemberType.String:
                w.Line($"form.AddText({name}, {value});");
                break;
            case MemberType.Url:
                w.Line($"form.AddText({name}, {value}.IsAbsoluteUri ? {value}.AbsoluteUri : {value}.OriginalString);");
                break;
            case MemberType.Integer:
            case MemberType.Number:
                w.Line($"form.AddNumber({name}, {value});");
                break;
            case MemberType.Boolean:
                w.Line($"form.AddBoolean({name}, {value});");
                break;
            case MemberType.File:
                w.Line(type.Files is { } limits ? $"form.AddFile({name}, {value}, {FileLimits(limits)});" : $"form.AddFile({name}, {value});");
                break;
            case MemberType.Array when type.Items is { Kind: MemberType.File } files:
                // A multipart array of files is one file part per item, under the same name.
                var each = files.Files is { } itemLimits ? FileLimits(itemLimits) : "null";
                w.Line($"form.AddFiles({name}, {value}, {each}, {(type.Files?.MaxTotalBytes is { } total ? total.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L" : "null")});");
                break;
            case MemberType.Array when type.Csv:
                var item = type.Items ?? new TypeSpec(MemberType.String);
                var text = item.Kind switch
                {
                    MemberType.String when item.IsEnum => "item.ToWireValue()",
                    MemberType.String => "item",
                    MemberType.Url => "item.IsAbsoluteUri ? item.AbsoluteUri : item.OriginalString",
                    MemberType.Boolean => "item ? \"true\" : \"false\"",
                    MemberType.Integer => "item.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
                    _ => "item.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)",
                };
                w.Line($"form.AddText({name}, string.Join(\",\", global::System.Linq.Enumerable.Select({value}, static item => {text})));");
                break;
            default:
                // Arrays and objects travel as one JSON text part each.
                w.Line($"var writer = form.AddJson({name});");
                EmitWriteValue(type, value, null, depth: 0);
                break;
        }
    }

    /// <summary>A <c>new FileLimits(...)</c> expression: the largest size, the accepted types and their own largest sizes.</summary>
    private static string FileLimits(FileLimitsSpec limits)
    {
        var maxBytes = limits.MaxBytes is { } max ? max.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L" : "null";
        var types = limits.Accept.Count == 0 ? "null" : Literals.StringArray(limits.Accept.Select(a => a.MediaType));
        var own = limits.Accept.Where(a => a.MaxBytes is not null).ToList();
        var byType = own.Count == 0
            ? "null"
            : "new global::System.Collections.Generic.Dictionary<string, long> { " + string.Join(", ", own.Select(a => $"[{Literals.String(a.MediaType)}] = {a.MaxBytes!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}L")) + " }";
        return $"new global::ProducerGen.FileLimits({maxBytes}, {types}, {byType})";
    }

    private static string PathExpression(RecordSpec shape, PropertySpec member) =>
        shape.PathPrefix is null ? $"path + {Literals.String("." + member.WireName)}" : Literals.String(member.WirePath);
}
