using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Xunit;

namespace ProducerGen.Importer.Tests;

/// <summary>A changed OpenAPI document gives exactly that change in the YAML, nothing else.</summary>
public class ChangedDocumentTests
{
    private static JsonObject Music(JsonNode root, string model) =>
        root["components"]!["schemas"]!["GenerateMusicRequest"]!["oneOf"]!.AsArray()
            .Select(b => b!.AsObject())
            .Single(b => (string?)b["properties"]!["model"]!["enum"]![0] == model);

    /// <summary>A line diff (longest common subsequence): "-" lines removed from <paramref name="before"/>, "+" lines added, in order.</summary>
    private static List<string> Diff(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var diff = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                diff.Add("-" + a[x++]);
            }
            else
            {
                diff.Add("+" + b[y++]);
            }
        }

        return diff;
    }

    [Fact]
    public void A_changed_range_changes_exactly_that_line()
    {
        var before = TestFiles.ImportReference();
        var root = JsonNode.Parse(TestFiles.OpenApiText)!;
        Music(root, "elevenlabs-music")["properties"]!["elevenlabsParams"]!["properties"]!["music_length_ms"]!["maximum"] = 600000;
        var after = TestFiles.ImportReference(root.ToJsonString());

        Assert.Equal(
            new[]
            {
                "-      music_length_ms: { type: integer, min: 5000, max: 300000 }",
                "+      music_length_ms: { type: integer, min: 5000, max: 600000 }",
            },
            Diff(before, after));
    }

    [Fact]
    public void An_added_model_adds_exactly_its_block_and_the_counts()
    {
        var before = TestFiles.ImportReference();
        var root = JsonNode.Parse(TestFiles.OpenApiText)!;
        var oneOf = root["components"]!["schemas"]!["GenerateMusicRequest"]!["oneOf"]!.AsArray();
        var model = Music(root, "mureka").DeepClone().AsObject();
        model["properties"]!["model"]!["enum"] = new JsonArray("mureka-10");
        model["properties"]!["murekaParams"]!["properties"]!["n"]!["maximum"] = 4;
        oneOf.Add(model);
        var after = TestFiles.ImportReference(root.ToJsonString());

        Assert.Equal(
            new[]
            {
                "-# Models per endpoint: imageBackgroundRemove 2, imageEdit 1, images 51, imageUpscale 2, music 7, videoEdit 1, videos 41, videoUpscale 1 (106 in all).",
                "+# Models per endpoint: imageBackgroundRemove 2, imageEdit 1, images 51, imageUpscale 2, music 8, videoEdit 1, videos 41, videoUpscale 1 (107 in all).",
                "+  mureka-10:",
                "+    endpoint: music",
                "+    paramsKey: murekaParams",
                "+    fields:",
                "+      prompt: { maxLength: 1024 }", // the copied model keeps mureka's shorter prompt, as its own override
                "+    params:",
                "+      instrumental: { type: boolean, default: false }",
                "+      lyrics: { type: string, maxLength: 3000 }",
                "+      model_version: { type: string, enum: [auto, mureka-7.6, mureka-o2, mureka-8, mureka-9], default: auto }",
                "+      'n': { type: integer, min: 1, max: 4, default: 2 }",
                "+", // the blank line that now separates mureka from mureka-10 (the diff pairs it at the end)
            },
            Diff(before, after));
        // Where the document put it: right after mureka, before the next endpoint's models.
        var added = after.IndexOf("\n  mureka-10:\n", StringComparison.Ordinal);
        Assert.True(after.IndexOf("\n  mureka:\n", StringComparison.Ordinal) < added);
        Assert.True(added < after.IndexOf("\n  wan-2.7-videoedit:\n", StringComparison.Ordinal));
    }
}
