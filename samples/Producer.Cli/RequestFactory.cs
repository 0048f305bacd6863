using System.CommandLine;
using Apiframe.Catalog;

namespace Producer.Cli;

/// <summary>Turns the parsed command line into a <see cref="ProducerRequest"/>; validating it is the caller's job.</summary>
internal static class RequestFactory
{
    public static ProducerRequest Create(ParseResult parse)
    {
        ProducerModelVersion? version = null;
        if (parse.GetValue(CliOptions.ModelVersion) is { } wire && ProducerModelVersionExtensions.TryParseWireValue(wire, out var parsed))
        {
            version = parsed;
        }

        return new ProducerRequest(parse.GetValue(CliOptions.Prompt) ?? string.Empty)
        {
            Params = new ProducerParams
            {
                ModelVersion = version,
                Instrumental = parse.GetResult(CliOptions.Instrumental) is { Tokens.Count: 0, Implicit: false } ? true : parse.GetValue(CliOptions.Instrumental),
                Lyrics = parse.GetValue(CliOptions.Lyrics),
                Title = parse.GetValue(CliOptions.Title),
                Seed = parse.GetValue(CliOptions.Seed),
                LyricsStrength = parse.GetValue(CliOptions.LyricsStrength),
                SoundStrength = parse.GetValue(CliOptions.SoundStrength),
                Weirdness = parse.GetValue(CliOptions.Weirdness),
            },
        };
    }
}
