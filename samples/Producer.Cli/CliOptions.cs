using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Apiframe.Catalog;

namespace Producer.Cli;

/// <summary>Every option and argument of the CLI, with help text that shows the schema's ranges.</summary>
internal static class CliOptions
{
    public static readonly Argument<string> Prompt = new("prompt")
    {
        Description = "What to generate, e.g. \"an upbeat synthwave track with a driving bassline\".",
    };

    public static readonly Argument<string> JobId = new("jobId")
    {
        Description = "The id of a job submitted earlier (printed by --no-wait).",
    };

    public static readonly Option<string> Model = new("--model", "-m")
    {
        Description = "The model to generate with (run 'models' to list them). The Producer options below apply to 'producer' only.",
        DefaultValueFactory = _ => "producer",
    };

    public static readonly Option<FileInfo?> Image = new("--image")
    {
        Description = "A local image to upload (client.Uploads.CreateAsync) and pass as the model's image URL field, for models that take one (image-to-video, edit, upscale).",
    };

    public static readonly Option<FileInfo?> Audio = new("--audio")
    {
        Description = "A local audio file to upload and pass as the model's audio URL field, for models that take one (e.g. wan-2.5).",
    };

    public static readonly Option<CatalogListModality?> Modality = new("--modality")
    {
        Description = "Only the models of one modality: image, video or music.",
        CustomParser = result => ParseWire<CatalogListModality>(result, "--modality", CatalogListModalityExtensions.TryParseWireValue),
    };

    public static readonly Option<JobsListStatus?> Status = new("--status")
    {
        Description = "Only the jobs with this status: QUEUED, PROCESSING, COMPLETED, FAILED or CANCELLED.",
        CustomParser = result => ParseWire<JobsListStatus>(result, "--status", JobsListStatusExtensions.TryParseWireValue),
    };

    public static readonly Option<string?> JobsModel = new("--model", "-m")
    {
        Description = "Only the jobs of this model id, e.g. producer.",
    };

    public static readonly Option<int> Limit = new("--limit", "-n")
    {
        Description = "Stop after this many jobs (newest first).",
        DefaultValueFactory = _ => 20,
    };

    public static readonly Option<string?> ModelVersion = CreateModelVersion();

    public static readonly Option<bool?> Instrumental = new("--instrumental")
    {
        Description = "Generate without vocals (--instrumental or --instrumental true|false).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static readonly Option<string?> Lyrics = new("--lyrics")
    {
        Description = $"Lyrics to sing; overrides lyrics inferred from the prompt ({SchemaHelp.Describe(nameof(ProducerParams.Lyrics))}).",
    };

    public static readonly Option<string?> Title = new("--title")
    {
        Description = $"The track title, also used for the file names ({SchemaHelp.Describe(nameof(ProducerParams.Title))}).",
    };

    public static readonly Option<string?> Seed = new("--seed")
    {
        Description = "Reuse a seed to reproduce the same composition.",
    };

    public static readonly Option<double?> LyricsStrength = Number("--lyrics-strength", $"How closely to follow the lyrics ({SchemaHelp.Describe(nameof(ProducerParams.LyricsStrength))}).");

    public static readonly Option<double?> SoundStrength = Number("--sound-strength", $"How strongly to apply the sound description ({SchemaHelp.Describe(nameof(ProducerParams.SoundStrength))}).");

    public static readonly Option<double?> Weirdness = Number("--weirdness", $"How experimental the result is ({SchemaHelp.Describe(nameof(ProducerParams.Weirdness))}).");

    public static readonly Option<string> Out = new("--out", "-o")
    {
        Description = "The directory the audio files are saved to.",
        DefaultValueFactory = _ => "tracks",
    };

    public static readonly Option<bool> NoWait = new("--no-wait")
    {
        Description = "Submit, print the job id and exit; resume later with 'wait <jobId>'.",
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON on stdout instead of the live display.",
    };

    public static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = $"The API's base URL when APIFRAME_API_KEY is set (default {ApiframeClientOptions.DefaultBaseAddress}).",
    };

    public static readonly Option<double> TimeoutSeconds = new("--timeout")
    {
        Description = "How many seconds to wait for the job before giving up (exit code 6).",
        DefaultValueFactory = _ => 600,
    };

    static CliOptions()
    {
        Limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--limit must be a positive number of jobs.");
            }
        });
        TimeoutSeconds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0)
            {
                result.AddError("--timeout must be a positive number of seconds.");
            }
        });
    }

    /// <summary>A number option that reads '0.35' the same in every culture and names the option when the text is not a number.</summary>
    private static Option<double?> Number(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"{name} must be a number such as 0.35 (was '{text}').");
            return null;
        },
    };

    /// <summary>The value of an enum option from its wire value, or an error listing the accepted ones.</summary>
    private static T? ParseWire<T>(System.CommandLine.Parsing.ArgumentResult result, string name, TryParse<T> tryParse)
        where T : struct, Enum
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (tryParse(text, out var value) || tryParse(text.ToUpperInvariant(), out value) || tryParse(text.ToLowerInvariant(), out value))
        {
            return value;
        }

        result.AddError($"{name} must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))} (was '{text}').");
        return null;
    }

    private delegate bool TryParse<T>(string? wireValue, out T value);

    private static Option<string?> CreateModelVersion()
    {
        var versions = SchemaHelp.ModelVersions();
        var option = new Option<string?>("--model-version")
        {
            Description = $"The model version: {string.Join(", ", versions)} (unset: the service's default).",
        };
        option.AcceptOnlyFromAmong(versions);
        return option;
    }
}
