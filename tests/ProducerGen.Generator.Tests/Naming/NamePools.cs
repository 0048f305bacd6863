using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ProducerGen.Generator.Tests.Naming;

/// <summary>The names the campaign draws from, written as wire names.</summary>
internal static class NamePools
{
    /// <summary>Every type and member name the generator emits (or the compiler synthesizes for records), as snake_case and as written.</summary>
    public static readonly string[] GeneratedMembers =
    {
        "validate", "validate_into", "write_json", "print_members", "equality_contract", "equals", "get_hash_code",
        "to_string", "get_type", "deconstruct", "clone", "<Clone>$", "memberwise_clone", "finalize", "params", "model",
        "description", "job", "output_urls", "expired", "jobs", "runtime", "dispose", "submit_async", "generate_async",
        "wait_async", "read", "member", "read_string", "read_long", "read_double", "read_boolean", "read_uri",
        "read_object", "read_array", "to_wire_value", "try_parse_wire_value", "is_defined", "default_base_address",
        "api_key_header", "api_key_environment_variable", "idempotency_key_header", "base_address", "api_key", "options",
        "api", "client", "result", "request", "operations", "extensions", "allowed", "value", "item", "items", "errors",
        "path", "writer", "parameters", "element", "_client", "s_model", "s_model_id", "s_params", "v", "list0", "i0",
        "item0", "Validate", "ValidateInto", "WriteJson", "PrintMembers", "EqualityContract", "ToString", "Params",
        "Model", "Description", "Job", "OutputUrls", "Jobs", "Runtime", "Dispose", "Read", "Member", "ReadArray",
        "ToWireValue", "IsDefined", "DefaultBaseAddress", "ApiKeyHeader", "params_value", "model_model", "jobs_model",
        "validate_value", "description_model",
    };

    /// <summary>Type-name patterns of the default names (api Apiframe, endpoint music, model producer) and their neighbours.</summary>
    public static readonly string[] TypePatterns =
    {
        "apiframe_client", "apiframe_client_options", "apiframe_service_collection_extensions", "music_result",
        "producer_request", "producer_params", "producer_result", "producer_operations", "producer_model",
        "model_version", "version", "style", "styles", "size", "size_allowed", "foo", "foo_extensions", "url_path",
        "URLPath", "urlPath", "track", "tracks", "music_track", "music_tracks", "producer_output", "music_prompt",
        "suno_request", "suno_params", "video_result", "producer_model_version", "music_webhook_events",
    };

    /// <summary>C# keywords and contextual keywords.</summary>
    public static readonly string[] Keywords =
    {
        "class", "params", "value", "var", "record", "async", "await", "nameof", "global", "__arglist", "__makeref",
        "__reftype", "__refvalue", "this", "base", "new", "default", "object", "string", "int", "event", "operator",
        "namespace", "using", "static", "void", "null", "true", "false", "dynamic", "yield", "when", "where", "init",
        "required", "file", "scoped", "field", "managed", "unmanaged", "notnull", "with", "and", "or", "not", "partial",
        "get", "set", "add", "remove", "alias", "select", "from", "let", "join", "into", "on", "by", "group", "orderby",
        "args", "nint", "nuint", "checked", "fixed", "lock", "out", "ref", "in", "is", "as", "sizeof", "typeof", "stackalloc",
        "extension", "allows",
    };

    /// <summary>BCL names the generated code uses.</summary>
    public static readonly string[] Bcl =
    {
        "System", "Task", "Uri", "Job", "Array", "Func", "List", "JsonElement", "CancellationToken", "HttpClient",
        "IServiceCollection", "Microsoft", "global", "Action", "IProgress", "Progress", "Exception", "Object", "String",
        "Text", "Json", "Collections", "Generic", "Threading", "Tasks", "Net", "Http", "Extensions", "DependencyInjection",
        "IDisposable", "Utf8JsonWriter", "JsonEncodedText", "JsonValueKind", "Globalization", "CultureInfo",
        "ArgumentNullException", "ArgumentOutOfRangeException", "TimeSpan", "CodeDom", "GeneratedCode", "Obsolete",
        "Nullable", "IList", "IReadOnlyList", "Attribute", "Enum", "ValueType", "Type", "IHttpClientBuilder", "T",
    };

    public static readonly string[] DigitFirst =
    {
        "851-bg-remove", "16:9", "1st_image", "3d-render", "1024x1024", "1.1", "11", "0", "9_16", "1_1", "1:1", "2x", "1", "007",
    };

    public static readonly string[] SymbolsOnly =
    {
        "+", "-", "*", "!", "@", "#", "%", "&", "?", "~", "$", "^", "+-", "-+", "..", "_", "__", "::", "()", "<>", "[]",
        "{}", "'", "\"", "\\", "/", "|", "=", ",", ";", "`", "&amp;", "<!--", "]]>",
    };

    public static readonly string[] Unicode =
    {
        "café", "naïve", "日本語", "straße", "Ωmega", "ÉCOLE", "ǆemal", "ıi", "İstanbul", "e\u0301", "٣ab", "Ⅻ",
        "\U0001D49Clpha", "x\u200Dy", "ª", "µ", "ﬁle", "Ǉ", "ǈ", "ΣΑΣ",
    };

    public static readonly string[] Control =
    {
        "a\u0001b", "x\u001Fy", "tab\tname", "new\nline", "nul\u0000x", "del\u007Fx", "nel\u0085x", "ls\u2028x",
    };

    public static readonly string[] CaseVariants =
    {
        "Foo", "foo", "FOO", "f_o_o", "f-o-o", "f.o.o", "fOO", "Foo_", "_foo", "foo bar", "Foo Bar", "foo__bar", "fooBar", "FooBar", "foo-bar",
    };

    /// <summary>Descriptions and summaries that are hard to put into an XML doc comment.</summary>
    public static readonly string[] Descriptions =
    {
        "a\u0001b", "\u001F", "x\u0008y", "a < b & c > d", "<see cref=\"X\"/>", "]]> --> <!--", "*/ /*", "line one\nline two",
        "ends with a backslash \\", "\"quoted\"", "tab\there", "cr\ronly", "\u2028 separator", "&amp; &lt;", "{0} {1}", "nul\u0000byte",
        "\uFFFE\uFFFF",
    };

    /// <summary>Names the neutral slots use when nothing is drawn.</summary>
    public static readonly string[] NeutralModels = { "producer", "suno", "udio", "lyria" };
    public static readonly string[] NeutralEndpoints = { "music", "video" };
    public static readonly string[] NeutralFields = { "prompt", "webhookUrl", "tags", "negative_prompt" };
    public static readonly string[] NeutralResults = { "tracks", "seed_used", "duration", "cover" };
    public static readonly string[] NeutralParams = { "weirdness", "seed", "title", "lyrics", "tempo", "mood" };
    public static readonly string[] NeutralProperties = { "width", "height", "label", "url" };
    public static readonly string[] NeutralValues = { "fast", "slow", "mid", "auto" };

    private static readonly Lazy<string[]> RuntimeTypes = new(() =>
        typeof(global::ProducerGen.JobHandle).Assembly.GetExportedTypes()
            .Select(t => t.Name.Split('`')[0])
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray());

    /// <summary>The runtime's public type names, by reflection.</summary>
    public static string[] Runtime => RuntimeTypes.Value;

    /// <summary>Draws a name from the pools, category first so small pools are not drowned out.</summary>
    public static string Draw(Random random, IReadOnlyList<string> derived)
    {
        var roll = random.Next(100);
        var pool = roll switch
        {
            < 22 => GeneratedMembers,
            < 32 => TypePatterns,
            < 42 => Keywords,
            < 50 => Runtime,
            < 57 => Bcl,
            < 63 => DigitFirst,
            < 67 => SymbolsOnly,
            < 73 => Unicode,
            < 76 => Control,
            < 82 => CaseVariants,
            _ => derived.Count > 0 ? derived : (IReadOnlyList<string>)TypePatterns,
        };
        return pool[random.Next(pool.Count)];
    }

    /// <summary>Variants of a name that differ only in case or separators (Foo/foo/FOO/f_o_o/f-o-o/f.o.o).</summary>
    public static IEnumerable<string> Variants(string name)
    {
        yield return name.ToUpperInvariant();
        yield return name.ToLowerInvariant();
        yield return name.Replace('_', '-');
        yield return name.Replace('_', '.');
        yield return name.Replace("_", string.Empty);
        yield return Spread(name, '_');
        yield return name + "_";
    }

    private static string Spread(string name, char separator)
    {
        var b = new StringBuilder();
        foreach (var c in name)
        {
            if (b.Length > 0 && char.IsLetterOrDigit(c))
            {
                b.Append(separator);
            }

            b.Append(c);
        }

        return b.ToString();
    }
}
