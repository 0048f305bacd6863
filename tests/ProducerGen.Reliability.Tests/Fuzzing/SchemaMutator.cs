using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ProducerGen.Reliability.Tests.Fuzzing;

/// <summary>
/// Grammar-aware mutations of real schemas: each edit targets a YAML construct the loader must understand (a type, a number,
/// a name, a mapping, an alias) rather than random bytes, so most mutants get deep into the loader and many still load.
/// Deterministic for a given <see cref="Random"/> seed.
/// </summary>
internal static partial class SchemaMutator
{
    public static readonly string[] Seeds =
    [
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "apiframe-music.producergen.yaml")),
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "awkward.producergen.yaml")),
        """
        producergen: 1
        api:
          name: Demo
          baseUrl: https://api.example.com
          auth: { header: X-API-Key, env: DEMO_KEY }
          jobs:
            get: GET /v1/jobs/{id}
        endpoints:
          gen:
            request: POST /v1/generate
            fields:
              prompt: { type: string, required: true }
        models:
          alpha:
            endpoint: gen
            paramsKey: alphaParams
            params:
              weirdness: { type: number, min: 0, max: 1, step: 0.05 }
              count: { type: integer, min: 1, max: 4, enum: [1, 2, 4] }
              style: { type: string, enum: [a, b], default: a }
        """,
    ];

    public static readonly string[] MutationNames =
    [
        "swap-type", "extreme-number", "huge-string", "deep-nesting", "odd-name", "duplicate-key", "anchor-alias",
        "alias-bomb", "enum-edit", "name-collision", "flip-char", "delete-line", "insert-token", "bad-default",
    ];

    private static readonly string[] Types = ["string", "integer", "number", "boolean", "url", "array", "object", "banana", "null", "~", "[string]", "{}"];

    private static readonly string[] Numbers =
    [
        "-1e308", "1e308", "1.7976931348623157e309", "-1.7976931348623157e309", "0", "-0", "5e-324", "1e-400", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "99999999999999999999999999999", ".nan", ".NaN",
        "NaN", ".inf", "-.inf", "+.inf", "Infinity", "-Infinity", "0x7fffffff", "0o17", "1_000", "1e", "0.1e-5", "-1", "0.3333333333333333",
        "1e-15", "true", "\"5\"", "[1, 2]", "{ a: 1 }", "~",
    ];

    private static readonly string[] OddNames =
    [
        "\"a\\u0000b\"", "\"\\u202eevil\"", "😀", "\"😀emoji\"", "é", "日本語", "1abc", "class", "namespace", "default", "Validate", "Params", "Prompt",
        "WriteJson", "ToString", "Equals", "GetHashCode", "System", "global", "@x", "a-b", "a.b", "a b", "\"\"", "\" \"", "\"\\t\"", "_", "__", "x__y",
        "\"\\u0001ctl\"", "\"a\\u0085b\"", "\"\\ud83d\"", "\"\\u2028\"", "A", "a", "ApiframeClient", "Description", "Job", "Runtime", "Dispose",
        "\"a\\\"b\"", "\"a/b\"", "\"<script>\"", "\"*/ evil /*\"", "\"\\\\\"", "\"///\"", "\"#x\"", "'single quoted'", new string('n', 600),
        "\"x\\u00a0y\"", "İ", "ß", "Σ", "ǅ", "\"\\u0301\"", "\"a\\u200bb\"",
    ];

    private static readonly string[] Tokens =
    [
        "&x ", "*x", "<<: *x", "- ", "{", "}", "[", "]", ": ", "\"", "'", "\t", "\u0000", "\u202e", "😀", "NaN", "---\n", "...\n", "? ", "!!binary ",
        "%YAML 1.2\n", "!!str ", "!!int ", "!custom ", "|\n", ">-\n", "#", "\r", "\uFEFF", "\\", "&", "*", "|", ">", "@", "`",
    ];

    public static string Mutate(Random random, out string applied)
    {
        var text = Seeds[random.Next(Seeds.Length)];
        var names = new List<string>();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var kind = random.Next(MutationNames.Length);
            names.Add(MutationNames[kind]);
            text = Apply(kind, text, random);
        }

        applied = string.Join("+", names);
        return text;
    }

    private static string Apply(int kind, string text, Random random) => kind switch
    {
        0 => ReplaceOne(TypeValue(), text, random, _ => "type: " + Pick(random, Types)),
        1 => ReplaceOne(NumberValue(), text, random, m => m.Groups[1].Value + Pick(random, Numbers)),
        2 => HugeString(text, random),
        3 => DeepNesting(text, random),
        4 => ReplaceOne(MappingKey(), text, random, m => m.Groups[1].Value + Pick(random, OddNames) + ":"),
        5 => DuplicateLine(text, random),
        6 => AnchorAlias(text, random),
        7 => AliasBomb(text, random),
        8 => ReplaceOne(EnumValue(), text, random, _ => "enum: " + Pick(random, ["[]", "[a, a]", "[1, 2, 2]", "[\"16:9\", \"16_9\", \"16-9\"]", "[a, A]", "[~, \"\"]", "[1.5, 2]", "[\"\\u0000\", x]", "[class, int, \"1\"]", "[" + string.Join(", ", Enumerable.Range(0, 300).Select(i => "v" + i)) + "]", "{ a: 1 }", "x"])),
        9 => NameCollision(text, random),
        10 => FlipChar(text, random),
        11 => DeleteLine(text, random),
        12 => text.Insert(random.Next(text.Length + 1), Pick(random, Tokens)),
        _ => ReplaceOne(TypeValue(), text, random, m => m.Value + ", default: " + Pick(random, Numbers.Concat(["abc", "\"\"", "[]", "{}", "https://x", "FUZZ_9"]).ToArray())),
    };

    private static string HugeString(string text, Random random)
    {
        var length = random.Next(8) != 0 ? random.Next(1_000, 20_000) : random.Next(50_000, 200_000);
        var unit = Pick(random, ["a", "é", "😀", "\\u0001", "x y ", "日"]);
        var huge = new StringBuilder(length + 8);
        while (huge.Length < length)
        {
            huge.Append(unit);
        }

        var value = "\"" + huge + "\"";
        return random.Next(3) switch
        {
            0 => ReplaceOne(DescriptionValue(), text, random, _ => "description: " + value),
            1 => ReplaceOne(MappingKey(), text, random, m => m.Groups[1].Value + value + ":"),
            _ => ReplaceOne(new Regex(@"name: [^\r\n]+"), text, random, _ => "name: " + value),
        };
    }

    private static string DeepNesting(string text, Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(2, 12) : random.Next(40, 400);
        var inner = "{ type: string }";
        for (var i = 0; i < depth; i++)
        {
            inner = random.Next(2) == 0 ? $"{{ type: array, items: {inner} }}" : $"{{ type: object, properties: {{ n{i}: {inner} }} }}";
        }

        return random.Next(4) == 0
            ? text + "\n" + new string('[', depth) + new string(']', depth) + "\n"
            : ReplaceOne(new Regex(@"\{ type: (string|number|integer|boolean|url)[^{}\r\n]*\}"), text, random, _ => inner);
    }

    private static string DuplicateLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        lines.Insert(at, lines[at]);
        return string.Join("\n", lines);
    }

    private static string AnchorAlias(string text, Random random)
    {
        var anchored = ReplaceOne(new Regex(@"(\w+): \{"), text, random, m => m.Groups[1].Value + ": &a{");
        return random.Next(3) switch
        {
            0 => ReplaceOne(new Regex(@"(\w+): \{[^{}\r\n]*\}"), anchored, random, m => m.Groups[1].Value + ": *a"),
            1 => ReplaceOne(new Regex(@"(\w+): \{[^{}\r\n]*\}"), anchored, random, m => m.Groups[1].Value + ": { <<: *a, description: merged }"),
            _ => ReplaceOne(new Regex(@"(\w+): \{[^{}\r\n]*\}"), text, random, m => m.Groups[1].Value + ": *undefined"),
        };
    }

    private static string AliasBomb(string text, Random random)
    {
        var levels = random.Next(4, 12);
        var bomb = new StringBuilder("\nbomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < levels; i++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $"bomb{i}: &b{i} [*b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}, *b{i - 1}]\n");
        }

        return random.Next(2) == 0
            ? text + bomb
            : text.Replace("models:", bomb.ToString().TrimStart('\n') + "models:", StringComparison.Ordinal).Replace("summary: ", $"summary: *b{levels - 1} #", StringComparison.Ordinal);
    }

    private static string NameCollision(string text, Random random)
    {
        // Two members whose names map to one C# identifier (title/Title, a-b/a_b), or two models with one C# name.
        var pair = Pick(random, [("title", "Title"), ("sound_strength", "soundStrength"), ("a-b", "a_b"), ("model_version", "model-version"), ("x1", "x_1")]);
        return random.Next(2) == 0
            ? ReplaceOne(new Regex(@"\n(\s+)params:\n"), text, random, m => $"\n{m.Groups[1].Value}params:\n{m.Groups[1].Value}  {pair.Item1}: {{ type: string }}\n{m.Groups[1].Value}  {pair.Item2}: {{ type: integer }}\n")
            : text.Replace("\nmodels:\n", "\nmodels:\n  flux-1:\n    endpoint: music\n    paramsKey: fluxParams\n  flux_1:\n    endpoint: music\n    paramsKey: flux1Params\n", StringComparison.Ordinal);
    }

    private static string FlipChar(string text, Random random)
    {
        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
        return new string(chars);
    }

    private static string DeleteLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        lines.RemoveAt(random.Next(lines.Count));
        return string.Join("\n", lines);
    }

    private static string ReplaceOne(Regex regex, string text, Random random, Func<Match, string> replacement)
    {
        var matches = regex.Matches(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var match = matches[random.Next(matches.Count)];
        return string.Concat(text.AsSpan(0, match.Index), replacement(match), text.AsSpan(match.Index + match.Length));
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    [GeneratedRegex(@"type: \w+")]
    private static partial Regex TypeValue();

    [GeneratedRegex(@"((?:min|max|step|minLength|maxLength|minItems|maxItems|default|producergen|n): )[-\w.]+")]
    private static partial Regex NumberValue();

    [GeneratedRegex(@"(\n\s+)[\w.-]+:(?= )")]
    private static partial Regex MappingKey();

    [GeneratedRegex(@"enum: \[[^\]\r\n]*\]")]
    private static partial Regex EnumValue();

    [GeneratedRegex(@"description: [^\r\n]+")]
    private static partial Regex DescriptionValue();
}
