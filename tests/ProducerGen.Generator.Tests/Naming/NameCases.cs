using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ProducerGen.Generator.Tests.Naming;

/// <summary>One case of the names campaign: one or two schema files of one project, and the RootNamespace.</summary>
/// <param name="Index">The case's index in its campaign.</param>
/// <param name="Seed">The seed that rebuilds exactly this case: <c>NameCases.Build(index, seed)</c>.</param>
/// <param name="Kind">Which template: single, healthy-beside, broken-beside, same-api, same-namespace, case-only-file-names, root-namespace.</param>
/// <param name="Files">The schema files.</param>
/// <param name="RootNamespace">The project's RootNamespace.</param>
/// <param name="Names">The drawn names, slot=name, for the failure message.</param>
/// <param name="Batchable">True when every file sets its own namespace (so the case can share a compilation with others).</param>
internal sealed record NameCase(int Index, int Seed, string Kind, IReadOnlyList<SchemaSource> Files, string? RootNamespace, IReadOnlyList<string> Names, bool Batchable)
{
    public string Tag => "c" + Index.ToString("D5", CultureInfo.InvariantCulture);

    public override string ToString() =>
        $"case #{Index} (NameCases.Build({Index}, {Seed}), {Kind}{(Batchable ? string.Empty : ", RootNamespace '" + SchemaYaml.Show(RootNamespace ?? "(none)") + "'")}): {string.Join("; ", Names)}";
}

/// <summary>Builds the campaign's cases from templates and the name pools, deterministically from a seed.</summary>
internal static class NameCases
{
    public const string BatchRootNamespace = "Consumer";

    public static readonly string[] InvalidRootNamespaces = { "my-app", "1app", "my app", "class", "a..b", "global", "a.", ".a", "my.class", "Café.Ω", "System", "" };

    public static IEnumerable<NameCase> Campaign(int count, int seed)
    {
        var master = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Build(i, master.Next());
        }
    }

    public static NameCase Build(int index, int seed)
    {
        var random = new Random(seed);
        var tag = "c" + index.ToString("D5", CultureInfo.InvariantCulture);
        var ns = "NC" + index.ToString("D5", CultureInfo.InvariantCulture);
        var names = new List<string>();
        var roll = random.Next(100);
        if (roll < 6)
        {
            var root = InvalidRootNamespaces[random.Next(InvalidRootNamespaces.Length)];
            names.Add("RootNamespace=" + SchemaYaml.Show(root));
            var text = new SchemaDraw(random, names, "a").Write(null);
            return new NameCase(index, seed, "root-namespace", new[] { new SchemaSource(tag + "a.producergen.yaml", text) }, root, names, Batchable: false);
        }

        var first = new SchemaDraw(random, names, "a");
        var firstText = first.Write(ns);
        var a = new SchemaSource(tag + "a.producergen.yaml", firstText);
        if (roll < 70)
        {
            return new NameCase(index, seed, "single", new[] { a }, BatchRootNamespace, names, Batchable: true);
        }

        if (roll < 78)
        {
            return new NameCase(index, seed, "healthy-beside", new[] { a, new SchemaSource(tag + "b.producergen.yaml", Healthy(ns + "H", "Healthy")) }, BatchRootNamespace, names, Batchable: true);
        }

        if (roll < 84)
        {
            return new NameCase(index, seed, "broken-beside", new[] { a, new SchemaSource(tag + "b.producergen.yaml", Broken(ns + "B")) }, BatchRootNamespace, names, Batchable: true);
        }

        if (roll < 91)
        {
            var second = new SchemaDraw(random, names, "b") { ApiName = first.ApiName };
            return new NameCase(index, seed, "same-api", new[] { a, new SchemaSource(tag + "b.producergen.yaml", second.Write(ns)) }, BatchRootNamespace, names, Batchable: true);
        }

        if (roll < 95)
        {
            var second = new SchemaDraw(random, names, "b");
            return new NameCase(index, seed, "same-namespace", new[] { a, new SchemaSource(tag + "b.producergen.yaml", second.Write(ns)) }, BatchRootNamespace, names, Batchable: true);
        }

        names.Add("files=" + tag + "Music/" + tag + "music");
        return new NameCase(
            index,
            seed,
            "case-only-file-names",
            new[] { new SchemaSource(tag + "Music.producergen.yaml", firstText), new SchemaSource(tag + "music.producergen.yaml", firstText), new SchemaSource(tag + "h.producergen.yaml", Healthy(ns + "H", "Healthy")) },
            BatchRootNamespace,
            names,
            Batchable: true);
    }

    /// <summary>A small schema that generates cleanly on its own.</summary>
    public static string Healthy(string? ns, string apiName = "Healthy") => SchemaYaml.Write(
        apiName,
        ns,
        new[]
        {
            new EndpointText(
                "image",
                new[] { new MemberText("prompt", "string", Required: true), new MemberText("format", "string", Enum: new[] { "png", "jpeg" }) },
                new[] { new MemberText("images", "array", Items: new MemberText(string.Empty, "object", Properties: new[] { new MemberText("url", "url") })) }),
        },
        new[]
        {
            new ModelText("flux", "image", new[] { new MemberText("steps", "integer"), new MemberText("style", "string", Enum: new[] { "raw", "vivid" }) }),
            new ModelText("sdxl", "image", new[] { new MemberText("seed", "integer", Enum: new[] { "1", "2" }) }),
        });

    /// <summary>A schema with a located PG0008 (step 0).</summary>
    public static string Broken(string? ns) =>
        Healthy(ns, "Broken").Replace("\"steps\": { type: integer }", "\"steps\": { type: integer, step: 0 }", StringComparison.Ordinal);

    /// <summary>Draws one schema's names: each slot from the pools with some probability, else a neutral name.</summary>
    private sealed class SchemaDraw
    {
        private readonly Random _random;
        private readonly List<string> _names;
        private readonly string _file;
        private readonly List<string> _used = new();

        public SchemaDraw(Random random, List<string> names, string file)
        {
            _random = random;
            _names = names;
            _file = file;
            ApiName = _random.Next(100) < 20 ? Draw("api") : "Apiframe";
        }

        public string ApiName { get; set; }

        public string Write(string? ns)
        {
            if (ApiName != "Apiframe")
            {
                Record("api", ApiName);
            }

            var endpointNames = Distinct(_random.Next(100) < 20 ? 2 : 1, NamePools.NeutralEndpoints, 35, "endpoint");
            var modelIds = Distinct(1 + _random.Next(3), NamePools.NeutralModels, 40, "model");
            var endpoints = endpointNames.Select(e => new EndpointText(
                e,
                Members(_random.Next(4), NamePools.NeutralFields, "field", requiredPercent: 40, isResult: false),
                Members(_random.Next(4), NamePools.NeutralResults, "result", requiredPercent: 0, isResult: true),
                MaybeDescription())).ToList();
            var models = modelIds.Select(m => new ModelText(
                m,
                endpointNames[_random.Next(endpointNames.Count)],
                Members(_random.Next(5), NamePools.NeutralParams, "param", requiredPercent: 10, isResult: false),
                MaybeDescription())).ToList();
            return SchemaYaml.Write(ApiName, ns, endpoints, models);
        }

        private List<MemberText> Members(int count, string[] neutral, string slot, int requiredPercent, bool isResult)
        {
            var names = Distinct(count, neutral, 40, slot);
            return names.Select(name => Member(name, slot, requiredPercent, isResult, depth: 0)).ToList();
        }

        private MemberText Member(string name, string slot, int requiredPercent, bool isResult, int depth)
        {
            var required = _random.Next(100) < requiredPercent;
            var description = MaybeDescription();
            var roll = _random.Next(100);
            if (isResult)
            {
                return roll switch
                {
                    < 35 => new MemberText(name, "string", Description: description),
                    < 45 => new MemberText(name, "integer", Description: description),
                    < 55 => new MemberText(name, "url", Description: description),
                    < 70 when depth == 0 => new MemberText(name, "object", Properties: Properties(slot + " property", isResult, depth), Description: description),
                    < 100 when depth == 0 => new MemberText(name, "array", Items: new MemberText(string.Empty, "object", Properties: Properties(slot + " item property", isResult, depth)), Description: description),
                    _ => new MemberText(name, "number", Description: description),
                };
            }

            return roll switch
            {
                < 25 => new MemberText(name, "string", required, Description: description),
                < 50 => new MemberText(name, "string", required, Enum: Values(), Description: description),
                < 60 => new MemberText(name, "integer", required, Enum: new[] { "1", "2", "4" }.Take(2 + _random.Next(2)).ToList(), Description: description),
                < 72 when depth == 0 => new MemberText(name, "object", required, Properties: Properties(slot + " property", isResult, depth), Description: description),
                < 82 => new MemberText(name, "array", required, Items: new MemberText(string.Empty, "string", Enum: Values()), Description: description),
                < 86 when depth == 0 => new MemberText(name, "array", required, Items: new MemberText(string.Empty, "object", Properties: Properties(slot + " item property", isResult, depth)), Description: description),
                < 90 => new MemberText(name, "url", required, Description: description),
                < 95 => new MemberText(name, "number", required, Description: description),
                _ => new MemberText(name, "boolean", required, Description: description),
            };
        }

        private List<MemberText> Properties(string slot, bool isResult, int depth)
        {
            var names = Distinct(1 + _random.Next(3), NamePools.NeutralProperties, 45, slot);
            return names.Select(n => Member(n, slot, isResult ? 0 : 20, isResult, depth + 1)).ToList();
        }

        private List<string> Values() => Distinct(2 + _random.Next(2), NamePools.NeutralValues, 35, "enum value", record: true);

        private string? MaybeDescription()
        {
            if (_random.Next(100) >= 10)
            {
                return null;
            }

            var text = NamePools.Descriptions[_random.Next(NamePools.Descriptions.Length)];
            Record("description", text);
            return text;
        }

        private List<string> Distinct(int count, string[] neutral, int drawPercent, string slot, bool record = true)
        {
            var result = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var name = neutral[i % neutral.Length] + (i >= neutral.Length ? i.ToString(CultureInfo.InvariantCulture) : string.Empty);
                if (_random.Next(100) < drawPercent)
                {
                    for (var attempt = 0; attempt < 5; attempt++)
                    {
                        var drawn = Draw(slot);
                        if (!result.Contains(drawn, StringComparer.Ordinal))
                        {
                            name = drawn;
                            break;
                        }
                    }
                }

                if (result.Contains(name, StringComparer.Ordinal))
                {
                    name = "n" + _file + i.ToString(CultureInfo.InvariantCulture);
                }

                if (record && !neutral.Contains(name, StringComparer.Ordinal))
                {
                    Record(slot, name);
                }

                _used.Add(name);
                result.Add(name);
            }

            return result;
        }

        private string Draw(string slot)
        {
            // Derived names: the type-name patterns of what this schema already named, and case/separator variants of it.
            var derived = new List<string>
            {
                ApiName + "_client", ApiName + "_client_options", ApiName + "_service_collection_extensions",
            };
            foreach (var used in _used)
            {
                derived.Add(used + "_result");
                derived.Add(used + "_request");
                derived.Add(used + "_params");
                derived.Add(used + "_operations");
                derived.Add(used + "_extensions");
                derived.Add(used + "_allowed");
                derived.Add(used + "s");
                if (used.EndsWith("s", StringComparison.Ordinal) && used.Length > 1)
                {
                    derived.Add(used.Substring(0, used.Length - 1));
                }

                derived.AddRange(NamePools.Variants(used));
                foreach (var other in _used)
                {
                    derived.Add(used + "_" + other);
                }
            }

            _ = slot;
            return NamePools.Draw(_random, derived);
        }

        private void Record(string slot, string name) => _names.Add($"{_file}.{slot}={SchemaYaml.Show(name)}");
    }
}
