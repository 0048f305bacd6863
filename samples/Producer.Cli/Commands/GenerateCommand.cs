using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apiframe.Catalog;
using Producer.Cli.Models;
using Producer.Cli.Output;
using ProducerGen;

namespace Producer.Cli.Commands;

/// <summary>
/// The default command: validate, upload the <c>--image</c>/<c>--audio</c> files, submit, wait with a live display, then save
/// the tracks (Producer) or list the output URLs (any other model).
/// </summary>
internal static class GenerateCommand
{
    /// <summary>A URL that stands for an upload while the request is checked, before anything is uploaded.</summary>
    private static readonly Uri PendingUpload = new("https://uploads.invalid/pending");

    private static readonly Option[] ProducerOnly =
    [
        CliOptions.ModelVersion, CliOptions.Instrumental, CliOptions.Lyrics, CliOptions.Title, CliOptions.Seed,
        CliOptions.LyricsStrength, CliOptions.SoundStrength, CliOptions.Weirdness,
    ];

    public static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = CommandRunner.OutputFor(parse);
        var modelId = parse.GetValue(CliOptions.Model) ?? "producer";
        if (!GenerationModel.TryFind(modelId, out var model))
        {
            return Refuse(output, $"unknown model '{modelId}'; run 'models' to list the catalog.");
        }

        // Each file option must land in a URL field of the model, found before anything starts.
        var files = new List<(FileInfo File, InputField Field, InputKind Kind)>();
        foreach (var (option, kind) in new[] { (CliOptions.Image, InputKind.Image), (CliOptions.Audio, InputKind.Audio) })
        {
            if (parse.GetValue(option) is not { } file)
            {
                continue;
            }

            var name = InputField.OptionName(kind);
            if (InputField.Find(model, kind) is not { } field)
            {
                return Refuse(output, $"model '{model.Id}' takes no {kind.ToString().ToLowerInvariant()} URL (none of its params is named "
                    + $"{string.Join(", ", InputField.WireNames(kind))}), so {name} cannot be used with it.");
            }

            if (!file.Exists)
            {
                return Refuse(output, $"{name}: the file '{file.FullName}' does not exist.");
            }

            files.Add((file, field, kind));
        }

        if (model.Id != "producer" && ProducerOnly.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false }) is { } producerOption)
        {
            return Refuse(output, $"{producerOption.Name} is a param of the producer model, not of '{model.Id}'.");
        }

        return model.Id == "producer" ? RunProducerAsync(parse, output, cancellationToken) : RunModelAsync(parse, output, model, files, cancellationToken);
    }

    /// <summary>The Producer flow: the typed <see cref="ProducerRequest"/>, waited for and saved as tracks.</summary>
    private static Task<int> RunProducerAsync(ParseResult parse, IOutput output, CancellationToken cancellationToken)
    {
        var request = RequestFactory.Create(parse);

        // The generated validator checks every schema constraint at once; nothing is started or sent for an invalid request.
        var validation = request.Validate();
        if (!validation.IsValid)
        {
            output.Invalid(validation.Errors);
            return Task.FromResult(ExitCodes.Validation);
        }

        return CommandRunner.RunAsync(parse, output, async (connection, ct) =>
        {
            var client = connection.Client;
            var handle = await client.Producer.SubmitAsync(request, cancellationToken: ct).ConfigureAwait(false);
            return await WaitAsync(parse, output, connection, handle, job => CommandRunner.FinishAsync(parse, output, connection, job, ct), ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Any other model: its generated request built from the prompt and the uploads, submitted through the runtime.</summary>
    private static Task<int> RunModelAsync(ParseResult parse, IOutput output, GenerationModel model, IReadOnlyList<(FileInfo File, InputField Field, InputKind Kind)> files, CancellationToken cancellationToken)
    {
        var prompt = parse.GetValue(CliOptions.Prompt) ?? string.Empty;
        IGenerationRequest request;
        try
        {
            request = ModelRequestBuilder.Create(model, prompt, files.Select(f => (f.Field, PendingUpload)).ToList());
        }
        catch (ArgumentException exception)
        {
            return Refuse(output, exception.Message);
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            output.Invalid(validation.Errors);
            return Task.FromResult(ExitCodes.Validation);
        }

        return CommandRunner.RunAsync(parse, output, async (connection, ct) =>
        {
            var client = connection.Client;
            var inputs = new List<(InputField Field, Uri Url)>();
            foreach (var (file, field, kind) in files)
            {
                var upload = await client.Uploads.CreateAsync(new UploadsCreateRequest(FileUpload.FromFile(file.FullName)), cancellationToken: ct).ConfigureAwait(false);
                var url = upload.Url ?? throw new InvalidOperationException($"The upload of '{file.Name}' answered no URL.");
                output.Uploaded(InputField.OptionName(kind), file.FullName, upload, field.JsonPath);
                inputs.Add((field, url));
            }

            var submitted = ModelRequestBuilder.Create(model, prompt, inputs);
            var handle = await client.Runtime.SubmitAsync(model.Description, submitted, cancellationToken: ct).ConfigureAwait(false);
            return await WaitAsync(parse, output, connection, handle, job =>
            {
                output.JobCompleted(job.EnsureSucceeded());
                return Task.FromResult(ExitCodes.Success);
            }, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static async Task<int> WaitAsync(ParseResult parse, IOutput output, ApiConnection connection, JobHandle handle, Func<Job, Task<int>> finish, CancellationToken cancellationToken)
    {
        if (parse.GetValue(CliOptions.NoWait))
        {
            output.NotWaiting(handle, connection.IsInProcessEmulator);
            return ExitCodes.Success;
        }

        output.Submitted(handle);
        return await CommandRunner.AfterSubmissionAsync(handle.Id, connection, async () =>
        {
            var job = await output.ShowProgressAsync(handle.Id, progress => connection.Client.Jobs.WaitAsync(handle, progress, cancellationToken)).ConfigureAwait(false);
            return await finish(job).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A command line that cannot work: exit code 2, before anything is started or sent.</summary>
    private static Task<int> Refuse(IOutput output, string message)
    {
        output.Refused(message);
        return Task.FromResult(ExitCodes.Validation);
    }
}
