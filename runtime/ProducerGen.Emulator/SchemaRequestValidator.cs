using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ProducerGen.Emulator.Http;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator;

/// <summary>
/// Validates a submission body against a ProducerGen schema the way the provider does: closed objects
/// (<c>additionalProperties: false</c>) at the top level, in the params block and in nested objects; <c>model</c> one of
/// the endpoint's models; required members; types; ranges and the step grid; string lengths, patterns and enums; integer
/// enums; string formats; absolute http(s) URLs; array sizes and item types; <c>null</c> only for <c>nullable</c>
/// members; a params block a model marks <c>paramsRequired</c>. Errors are keyed by JSON path
/// (<c>producerParams.weirdness</c>, <c>webhookEvents[0]</c>), as in the provider's 400 <c>details</c>.
/// </summary>
public sealed class SchemaRequestValidator
{
    private const int MaxShownTextLength = 60;
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);
    private readonly SchemaDocument _schema;

    /// <summary>Creates a validator for the endpoints and models of <paramref name="schema"/>.</summary>
    /// <param name="schema">The loaded schema.</param>
    public SchemaRequestValidator(SchemaDocument schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
    }

    /// <summary>Validates <paramref name="body"/> as a submission to <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The endpoint the body was posted to.</param>
    /// <param name="body">The parsed request body.</param>
    /// <returns>The errors by JSON path, and the model the body names when it is one of the endpoint's.</returns>
    public RequestValidationResult Validate(EndpointSpec endpoint, JsonElement body) => Validate(endpoint, body, routeModel: null);

    /// <summary>
    /// Validates <paramref name="body"/> as a submission to <paramref name="endpoint"/> at a path that names
    /// <paramref name="routeModel"/> (its expanded submit route), which is the model when the body names none
    /// (<c>modelMember: none</c>) and must agree with the body's model id otherwise.
    /// </summary>
    /// <param name="endpoint">The endpoint the body was posted to.</param>
    /// <param name="body">The parsed request body (a multipart body as its JSON view, files as <c>{ fileName, contentType, length }</c>).</param>
    /// <param name="routeModel">The model whose submit path the request was sent to, or null when the path names none.</param>
    /// <returns>The errors by JSON path, and the model of the submission when it is one of the endpoint's.</returns>
    public RequestValidationResult Validate(EndpointSpec endpoint, JsonElement body, ModelSpec? routeModel)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var models = _schema.Models.Where(m => m.Endpoint == endpoint.Name).ToList();

        // Text that cannot be decoded (a lone surrogate escape such as "\ud800", or bytes that are not UTF-8) is refused
        // first: every later check reads strings and member names, and System.Text.Json throws on such text.
        CheckText(errors, string.Empty, body);
        if (errors.Count > 0)
        {
            return new RequestValidationResult(Freeze(errors), null);
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            Add(errors, string.Empty, $"must be a JSON object (was {Describe(body)})");
            return new RequestValidationResult(Freeze(errors), null);
        }

        var model = ReadModel(errors, endpoint, models, body, routeModel);
        var flat = endpoint.Layout == BodyLayout.Flat;
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        if (endpoint.ModelMember is { } modelMember)
        {
            allowed.Add(modelMember);
        }

        foreach (var field in endpoint.Fields)
        {
            allowed.Add(field.Name);
        }

        // The model is unknown: do not also report every params block (or flat param) of the others as unknown.
        foreach (var m in model is null ? models : [model])
        {
            if (!flat)
            {
                allowed.Add(m.ParamsKey);
            }
            else
            {
                allowed.UnionWith(m.Params.Select(p => p.Name));
            }
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                Add(errors, property.Name, UnknownMember(property.Name));
            }
        }

        // The model's own limits where it overrides a shared field (a shorter prompt), as the service enforces them.
        ValidateMembers(errors, string.Empty, model?.FieldsOf(endpoint) ?? endpoint.Fields, body, checkUnknown: false);
        if (flat)
        {
            if (model is not null)
            {
                ValidateMembers(errors, string.Empty, model.Params, body, checkUnknown: false);
            }
        }
        else if (model is not null && body.TryGetProperty(model.ParamsKey, out var parameters))
        {
            if (parameters.ValueKind != JsonValueKind.Object)
            {
                Add(errors, model.ParamsKey, $"must be an object (was {Describe(parameters)})");
            }
            else
            {
                ValidateMembers(errors, model.ParamsKey, model.Params, parameters, checkUnknown: true);
            }
        }
        else if (model is not null && model.Params.Where(p => p.Required).Select(p => Join(model.ParamsKey, p.Name)).ToList() is { Count: > 0 } required)
        {
            // A model with a required param requires its params block: the provider lists the block in the body's
            // "required", so omitting it is refused just like sending it empty.
            Add(errors, model.ParamsKey, $"is required ({model.Id} needs {string.Join(", ", required)})");
        }
        else if (model is { ParamsRequired: true })
        {
            // The provider lists the block in "required" although every member is optional: {} is accepted, nothing is not.
            Add(errors, model.ParamsKey, $"is required ({model.Id} needs the block, even empty: {{}})");
        }

        return new RequestValidationResult(Freeze(errors), model);
    }

    /// <summary>
    /// Validates <paramref name="body"/> against <paramref name="members"/> alone (an operation's fields and its variant's
    /// members): unknown members, required ones, and each value's type and limits, as for an endpoint's fields.
    /// </summary>
    /// <param name="members">The members the object may have.</param>
    /// <param name="body">The object (a body, with the operation's query members merged in).</param>
    /// <returns>The errors by JSON path; no model.</returns>
    internal static RequestValidationResult ValidateObject(IReadOnlyList<MemberSpec> members, JsonElement body)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        CheckText(errors, string.Empty, body);
        if (errors.Count == 0 && body.ValueKind != JsonValueKind.Object)
        {
            Add(errors, string.Empty, $"must be a JSON object (was {Describe(body)})");
        }

        if (errors.Count == 0)
        {
            ValidateMembers(errors, string.Empty, members, body, checkUnknown: true);
        }

        return new RequestValidationResult(Freeze(errors), null);
    }

    /// <summary>The submission's model: named by the body's model member, or by the route when the body names none.</summary>
    private static ModelSpec? ReadModel(Dictionary<string, List<string>> errors, EndpointSpec endpoint, List<ModelSpec> models, JsonElement body, ModelSpec? routeModel)
    {
        if (endpoint.ModelMember is not { } member)
        {
            if (routeModel is null)
            {
                Add(errors, string.Empty, $"names no model: post it to the submit path of one of {string.Join(", ", models.Select(m => m.Id))}");
            }

            return routeModel;
        }

        if (!body.TryGetProperty(member, out var modelElement))
        {
            Add(errors, member, "is required");
            return null;
        }

        if (modelElement.ValueKind != JsonValueKind.String)
        {
            Add(errors, member, $"must be a string (was {Describe(modelElement)})");
            return null;
        }

        var id = modelElement.GetString()!;
        var model = models.FirstOrDefault(m => m.Id == id);
        if (model is null)
        {
            Add(errors, member, $"must be one of {string.Join(", ", models.Select(m => m.Id))} (was {Quote(id)})");
        }
        else if (routeModel is not null && routeModel != model)
        {
            Add(errors, member, $"must be {Quote(routeModel.Id)}, the model of the path it was posted to (was {Quote(id)})");
            return null;
        }

        return model;
    }

    private static void ValidateMembers(Dictionary<string, List<string>> errors, string prefix, IReadOnlyList<MemberSpec> members, JsonElement obj, bool checkUnknown)
    {
        if (checkUnknown)
        {
            foreach (var property in obj.EnumerateObject())
            {
                if (!members.Any(m => m.Name == property.Name))
                {
                    Add(errors, Join(prefix, property.Name), UnknownMember(property.Name));
                }
            }
        }

        foreach (var member in members)
        {
            var path = Join(prefix, member.Name);
            if (!obj.TryGetProperty(member.Name, out var value))
            {
                if (member.Required)
                {
                    Add(errors, path, "is required");
                }

                continue;
            }

            if (value.ValueKind == JsonValueKind.Null && member.Nullable)
            {
                continue;
            }

            ValidateValue(errors, path, member.Type, value);
        }
    }

    /// <summary>Reports every string and member name under <paramref name="value"/> that is not valid Unicode text.</summary>
    private static void CheckText(Dictionary<string, List<string>> errors, string path, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                if (TextProblem(JsonMarshal.GetRawUtf8Value(value)) is { } problem)
                {
                    Add(errors, path, $"must be valid Unicode text ({problem})");
                }

                return;

            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckText(errors, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", item);
                    index++;
                }

                return;

            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    var rawName = JsonMarshal.GetRawUtf8PropertyName(property);
                    if (TextProblem(rawName) is { } nameProblem)
                    {
                        // The name cannot be decoded, so the path shows it as sent (escapes kept, bad bytes as U+FFFD).
                        var shown = Join(path, Shorten(Encoding.UTF8.GetString(rawName)));
                        Add(errors, shown, $"is a member name that is not valid Unicode text ({nameProblem})");
                        CheckText(errors, shown, property.Value);
                    }
                    else
                    {
                        CheckText(errors, Join(path, property.Name), property.Value);
                    }
                }

                return;
        }
    }

    /// <summary>
    /// Why the raw (still escaped) UTF-8 of a JSON string cannot be decoded, or null when it can: bytes that are not
    /// UTF-8, or a <c>\uD800</c>–<c>\uDFFF</c> escape that is not half of a surrogate pair.
    /// </summary>
    private static string? TextProblem(ReadOnlySpan<byte> raw)
    {
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (!Utf8.IsValid(raw))
        {
            return "it is not valid UTF-8";
        }

        var pendingHigh = -1;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\' || i + 1 >= raw.Length)
            {
                if (pendingHigh >= 0)
                {
                    return LoneSurrogate(pendingHigh);
                }

                continue;
            }

            if (raw[i + 1] != (byte)'u' || i + 5 >= raw.Length ||
                !int.TryParse(raw.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
            {
                if (pendingHigh >= 0)
                {
                    return LoneSurrogate(pendingHigh);
                }

                i++; // a two-character escape such as \n or \\
                continue;
            }

            i += 5;
            if (pendingHigh >= 0)
            {
                if (unit is < 0xDC00 or > 0xDFFF)
                {
                    return LoneSurrogate(pendingHigh);
                }

                pendingHigh = -1;
            }
            else if (unit is >= 0xD800 and <= 0xDBFF)
            {
                pendingHigh = unit;
            }
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return LoneSurrogate(unit);
            }
        }

        return pendingHigh >= 0 ? LoneSurrogate(pendingHigh) : null;
    }

    private static string LoneSurrogate(int unit) =>
        $"\\u{unit.ToString("x4", CultureInfo.InvariantCulture)} is a lone surrogate, not half of a pair";

    private static void ValidateValue(Dictionary<string, List<string>> errors, string path, TypeSpec type, JsonElement value)
    {
        switch (type.Kind)
        {
            case MemberType.String:
                if (value.ValueKind != JsonValueKind.String)
                {
                    Add(errors, path, $"must be a string (was {Describe(value)})");
                    return;
                }

                ValidateString(errors, path, type, value.GetString()!);
                return;

            case MemberType.Integer:
                if (value.ValueKind != JsonValueKind.Number || !TryGetWhole(value, out var whole))
                {
                    Add(errors, path, $"must be an integer (was {Describe(value)})");
                    return;
                }

                ValidateInteger(errors, path, type, whole);
                return;

            case MemberType.Number:
                if (value.ValueKind != JsonValueKind.Number)
                {
                    Add(errors, path, $"must be a number (was {Describe(value)})");
                    return;
                }

                if (!value.TryGetDouble(out var number) || double.IsInfinity(number))
                {
                    Add(errors, path, $"must be a finite number (was {value.GetRawText()})");
                    return;
                }

                ValidateNumber(errors, path, type, number);
                return;

            case MemberType.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Add(errors, path, $"must be a boolean (was {Describe(value)})");
                }

                return;

            case MemberType.Url:
                if (value.ValueKind != JsonValueKind.String)
                {
                    Add(errors, path, $"must be a string (was {Describe(value)})");
                    return;
                }

                var text = value.GetString()!;
                if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) ||
                    (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
                    string.IsNullOrEmpty(uri.Host))
                {
                    Add(errors, path, $"must be an absolute http or https URL (was {Quote(text)})");
                }

                return;

            case MemberType.Array:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    Add(errors, path, $"must be an array (was {Describe(value)})");
                    return;
                }

                var count = value.GetArrayLength();
                if (type.MinItems is { } minItems && count < minItems)
                {
                    Add(errors, path, $"must have at least {ItemCount(minItems)} (had {count})");
                }
                else if (type.MaxItems is { } maxItems && count > maxItems)
                {
                    Add(errors, path, $"must have at most {ItemCount(maxItems)} (had {count})");
                }

                if (type.Items is { } items)
                {
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        ValidateValue(errors, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]", items, item);
                        index++;
                    }
                }

                return;

            case MemberType.Object:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    Add(errors, path, $"must be an object (was {Describe(value)})");
                    return;
                }

                ValidateMembers(errors, path, type.Properties, value, checkUnknown: true);
                return;

            case MemberType.File:
                // A multipart file part reaches the validator as { fileName, contentType, length } (see MultipartBody).
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(MultipartBody.FileNameMember, out var fileName) || fileName.ValueKind != JsonValueKind.String)
                {
                    Add(errors, path, $"must be a file part, with a file name (was {Describe(value)})");
                }

                return;

            case MemberType.Json:
                // Opaque JSON: any value.
                return;

            default:
                Add(errors, path, $"has an unsupported type {type.Kind}");
                return;
        }
    }

    private static void ValidateString(Dictionary<string, List<string>> errors, string path, TypeSpec type, string value)
    {
        if (type.IsEnum)
        {
            if (!type.EnumValues.Contains(value, StringComparer.Ordinal))
            {
                Add(errors, path, $"must be one of {string.Join(", ", type.EnumValues)} (was {Quote(value)})");
            }

            return;
        }

        if (type.MinLength is { } minLength && value.Length < minLength)
        {
            Add(errors, path, $"must be at least {Characters(minLength)} (was {value.Length.ToString(CultureInfo.InvariantCulture)})");
        }
        else if (type.MaxLength is { } maxLength && value.Length > maxLength)
        {
            Add(errors, path, $"must be at most {Characters(maxLength)} (was {value.Length.ToString(CultureInfo.InvariantCulture)})");
        }

        if (type.Pattern is { } pattern)
        {
            var regex = Patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            bool matches;
            try
            {
                matches = regex.IsMatch(value);
            }
            catch (RegexMatchTimeoutException)
            {
                matches = false;
            }

            if (!matches)
            {
                Add(errors, path, $"must match the pattern {pattern} (was {Quote(value)})");
            }
        }

        if (type.Format != MemberFormat.None && StringFormatRules.Names[(int)type.Format - 1] is var format && !StringFormatRules.IsValid(format, value))
        {
            Add(errors, path, $"must be {StringFormatRules.Describe(format)} (was {Quote(value)})");
        }
    }

    private static void ValidateInteger(Dictionary<string, List<string>> errors, string path, TypeSpec type, long value)
    {
        if (type.IsEnum)
        {
            var allowed = type.EnumValues
                .Select(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
                .ToList();
            if (!allowed.Contains(value))
            {
                Add(errors, path, $"must be one of {string.Join(", ", type.EnumValues)} (was {Format(value)})");
            }

            return;
        }

        if (RangeMessage(value, type.Minimum, type.Maximum, Format(value)) is { } rangeMessage)
        {
            Add(errors, path, rangeMessage);
            return;
        }

        CheckStep(errors, path, type, value);
    }

    private static void ValidateNumber(Dictionary<string, List<string>> errors, string path, TypeSpec type, double value)
    {
        if (RangeMessage(value, type.Minimum, type.Maximum, Format(value)) is { } rangeMessage)
        {
            Add(errors, path, rangeMessage);
            return;
        }

        CheckStep(errors, path, type, value);
    }

    private static void CheckStep(Dictionary<string, List<string>> errors, string path, TypeSpec type, double value)
    {
        if (type.Step is not { } step || step <= 0 || StepGrid.IsOnGrid(value, type.Minimum, step))
        {
            return;
        }

        StepGrid.Neighbours(value, type.Minimum, step, out var below, out var above);
        var example = (below, above) switch
        {
            _ when type.Minimum is { } min && below < min => Format(above),
            _ when type.Maximum is { } max && above > max => Format(below),
            _ => $"{Format(below)} or {Format(above)}",
        };
        var grid = type.Minimum is { } start
            ? $"must be on the {Format(step)} grid starting at {Format(start)}"
            : $"must be a multiple of {Format(step)}";
        Add(errors, path, $"{grid}, e.g. {example} (was {Format(value)})");
    }

    private static string? RangeMessage(double value, double? minimum, double? maximum, string shown)
    {
        var below = minimum is { } min && value < min;
        var above = maximum is { } max && value > max;
        if (!below && !above)
        {
            return null;
        }

        return (minimum, maximum) switch
        {
            ({ } lo, { } hi) => $"must be between {Format(lo)} and {Format(hi)} (was {shown})",
            ({ } lo, null) => $"must be at least {Format(lo)} (was {shown})",
            (null, { } hi) => $"must be at most {Format(hi)} (was {shown})",
            _ => null,
        };
    }

    private static bool TryGetWhole(JsonElement value, out long whole)
    {
        if (value.TryGetInt64(out whole))
        {
            return true;
        }

        // 5.0 is a whole number in JSON (and in JavaScript) as well.
        // The bounds are exact powers of two: (double)long.MaxValue is 2^63, which does not fit in a long.
        if (value.TryGetDouble(out var d) && Math.Floor(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        {
            whole = (long)d;
            return true;
        }

        return false;
    }

    private static string UnknownMember(string name) => $"is not a known member: '{Shorten(name)}' is not allowed here";

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private static void Add(Dictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out var list))
        {
            errors[path] = list = new List<string>();
        }

        list.Add(message);
    }

    private static Dictionary<string, IReadOnlyList<string>> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.AsReadOnly(), StringComparer.Ordinal);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Characters(int count) => count == 1 ? "1 character" : $"{count.ToString(CultureInfo.InvariantCulture)} characters";

    private static string ItemCount(int count) => count == 1 ? "1 item" : $"{count.ToString(CultureInfo.InvariantCulture)} items";

    private static string Shorten(string value) => value.Length > MaxShownTextLength ? Prefix(value) + "…" : value;

    /// <summary>The first <see cref="MaxShownTextLength"/> characters, one fewer rather than half a surrogate pair.</summary>
    private static string Prefix(string value) =>
        char.IsHighSurrogate(value[MaxShownTextLength - 1]) ? value[..(MaxShownTextLength - 1)] : value[..MaxShownTextLength];

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value.Length > MaxShownTextLength ? Prefix(value) : value)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        if (value.Length > MaxShownTextLength)
        {
            builder.Append('…');
        }

        return builder.Append('"').ToString();
    }
}

/// <summary>The outcome of <see cref="SchemaRequestValidator.Validate(EndpointSpec, JsonElement, ModelSpec?)"/>.</summary>
/// <param name="Errors">Messages by JSON path; empty when the body is valid. The root is the empty path.</param>
/// <param name="Model">The model the body names, when it is one of the endpoint's models.</param>
public sealed record RequestValidationResult(IReadOnlyDictionary<string, IReadOnlyList<string>> Errors, ModelSpec? Model)
{
    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Errors.Count == 0;
}
