using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Apiframe.Catalog;
using ProducerGen;

namespace Producer.Cli.Output;

/// <summary>Output for scripts: one JSON document on stdout (result or error), nothing else there.</summary>
internal sealed class JsonOutput(string? baseUrl) : IOutput
{
    /// <summary>Indented, and quotes or '&lt;' in messages and prompts kept as they are (the output is no HTML page).</summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<JsonObject> _uploads = [];

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
        ["uploads"] = Uploads(),
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
            ["type"] = ErrorTypes.Validation,
            ["exitCode"] = ExitCodes.Validation,
            ["message"] = "The request is invalid; nothing was sent.",
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["path"] = e.Path, ["message"] = e.Message }).ToArray()),
        },
    });

    public void Refused(string message) => Write(new JsonObject
    {
        ["error"] = new JsonObject { ["type"] = ErrorTypes.Usage, ["exitCode"] = ExitCodes.Validation, ["message"] = message },
    });

    /// <summary>Kept for the one final document (<see cref="JobCompleted"/>), so stdout stays a single JSON value.</summary>
    public void Uploaded(string option, string path, Upload upload, string field) => _uploads.Add(new JsonObject
    {
        ["option"] = option,
        ["file"] = path,
        ["field"] = field,
        ["url"] = upload.Url?.AbsoluteUri,
        ["contentType"] = upload.ContentType,
        ["byteSize"] = upload.ByteSize,
    });

    public void JobCompleted(Job job) => Write(new JsonObject
    {
        ["jobId"] = job.Id,
        ["model"] = job.Model,
        ["status"] = job.Status,
        ["creditCost"] = job.CreditCost,
        ["uploads"] = Uploads(),
        ["outputUrls"] = new JsonArray(job.GetOutputUrls().Select(u => (JsonNode)JsonValue.Create(u.AbsoluteUri)).ToArray()),
        ["job"] = JsonNode.Parse(job.Raw.GetRawText()),
    });

    public void Account(Account account) => Write(new JsonObject
    {
        ["apiKey"] = new JsonObject { ["id"] = account.ApiKey?.Id, ["name"] = account.ApiKey?.Name, ["prefix"] = account.ApiKey?.Prefix },
        ["team"] = new JsonObject { ["id"] = account.Team?.Id, ["name"] = account.Team?.Name, ["plan"] = account.Team?.Plan, ["credits"] = account.Team?.Credits },
        ["user"] = new JsonObject { ["email"] = account.User?.Email, ["role"] = account.User?.Role },
    });

    public void Models(IReadOnlyList<CatalogModel> models) => Write(new JsonObject
    {
        ["models"] = new JsonArray(models.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id,
            ["label"] = m.Label,
            ["modality"] = m.Modality,
            ["pricingMode"] = m.PricingMode,
            ["costMin"] = m.CostMin,
            ["costMax"] = m.CostMax,
        }).ToArray()),
    });

    public void Jobs(IReadOnlyList<JobSummary> jobs) => Write(new JsonObject
    {
        ["jobs"] = new JsonArray(jobs.Select(j => (JsonNode)new JsonObject
        {
            ["id"] = j.Id,
            ["model"] = j.Model,
            ["status"] = j.Status,
            ["progress"] = j.Progress,
            ["creditCost"] = j.CreditCost,
            ["createdAt"] = j.CreatedAt,
            ["completedAt"] = j.CompletedAt,
        }).ToArray()),
    });

    public void Failed(Exception exception, int exitCode)
    {
        var error = new JsonObject
        {
            ["type"] = ErrorTypes.For(exception),
            ["exitCode"] = exitCode,
            ["message"] = Resume.Message(exception),
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
                error["resume"] = Resume.Command(timeout.JobId, baseUrl);
                break;
            case JobInterruptedException interrupted:
                error["jobId"] = interrupted.JobId;
                error["resume"] = interrupted.Resumable ? Resume.Command(interrupted.JobId, baseUrl) : null;
                break;
            case InsufficientCreditsException credits:
                error["creditsRequired"] = credits.CreditsRequired;
                error["creditsAvailable"] = credits.CreditsAvailable;
                break;
        }

        Write(new JsonObject { ["error"] = error });
    }

    private JsonArray Uploads() => new(_uploads.Select(u => (JsonNode)u.DeepClone()).ToArray());

    private static void Write(JsonObject document) => Console.WriteLine(document.ToJsonString(Indented));
}
