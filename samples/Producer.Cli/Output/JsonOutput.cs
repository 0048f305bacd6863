using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Apiframe;
using ProducerGen;

namespace Producer.Cli.Output;

/// <summary>Output for scripts: one JSON document on stdout (result or error), nothing else there.</summary>
internal sealed class JsonOutput : IOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public void Connected(string description) => Console.Error.WriteLine(description);

    public void Submitted(JobHandle handle)
    {
    }

    public void NotWaiting(JobHandle handle, bool inProcessEmulator) => Write(new JsonObject
    {
        ["jobId"] = handle.Id,
        ["status"] = handle.Status,
        ["idempotencyKey"] = handle.IdempotencyKey,
        ["resumable"] = !inProcessEmulator,
    });

    public Task<Job> ShowProgressAsync(string jobId, Func<IProgress<JobProgress>, Task<Job>> wait) => wait(new ProgressCallback<JobProgress>(_ => { }));

    public void Completed(ProducerResult result, IReadOnlyList<SavedTrack> saved) => Write(new JsonObject
    {
        ["jobId"] = result.Job.Id,
        ["status"] = result.Job.Status,
        ["creditCost"] = result.Job.CreditCost,
        ["tracks"] = new JsonArray(saved.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Track.Id,
            ["title"] = s.Track.Title,
            ["duration"] = s.Track.Duration,
            ["audioUrl"] = s.Track.AudioUrl?.AbsoluteUri,
            ["imageUrl"] = s.Track.ImageUrl?.AbsoluteUri,
            ["file"] = s.Path,
            ["bytes"] = s.Bytes,
        }).ToArray()),
    });

    public void Invalid(IReadOnlyList<ValidationError> errors) => Write(new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["type"] = "validation",
            ["exitCode"] = ExitCodes.Validation,
            ["message"] = "The request is invalid; nothing was sent.",
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["path"] = e.Path, ["message"] = e.Message }).ToArray()),
        },
    });

    public void Failed(Exception exception, int exitCode)
    {
        var error = new JsonObject
        {
            ["type"] = exception.GetType().Name,
            ["exitCode"] = exitCode,
            ["message"] = exception.Message,
        };
        if (exception is ProducerGenException { StatusCode: { } status } api)
        {
            error["statusCode"] = status;
            error["requestId"] = api.RequestId;
        }

        switch (exception)
        {
            case JobFailedException failed:
                error["jobId"] = failed.Job.Id;
                error["jobError"] = failed.JobError;
                break;
            case JobTimeoutException timeout:
                error["jobId"] = timeout.JobId;
                break;
            case InsufficientCreditsException credits:
                error["creditsRequired"] = credits.CreditsRequired;
                error["creditsAvailable"] = credits.CreditsAvailable;
                break;
        }

        Write(new JsonObject { ["error"] = error });
    }

    private static void Write(JsonObject document) => Console.WriteLine(document.ToJsonString(Indented));
}
