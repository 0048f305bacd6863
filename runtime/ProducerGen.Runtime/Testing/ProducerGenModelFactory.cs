using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ProducerGen;

/// <summary>
/// Builds the runtime's results for tests and mocks, like the Azure SDK's model factories: a <see cref="ProducerGen.Job"/>,
/// <see cref="ProducerGen.JobHandle"/> or <see cref="ProducerGen.OperationResponse"/> without a service or JSON. Generated
/// <c>&lt;Api&gt;ModelFactory</c> classes forward here with their API's description.
/// </summary>
public static class ProducerGenModelFactory
{
    /// <summary>
    /// A job of <paramref name="api"/>: its <see cref="ProducerGen.Job.IsSucceeded"/>, <see cref="ProducerGen.Job.IsFailed"/> and
    /// <see cref="ProducerGen.Job.IsPending"/> follow the API's statuses as they do for a job read from the service.
    /// </summary>
    /// <param name="api">The API whose statuses give the job's meaning (a generated client's <c>Description</c>).</param>
    /// <param name="id">The job's id.</param>
    /// <param name="status">The status as the service spells it; <see langword="null"/> for the API's first succeeded status.</param>
    /// <param name="model">The model id; empty when <see langword="null"/>.</param>
    /// <param name="progress">Progress from 0 to 100.</param>
    /// <param name="error">The error message of a failed job.</param>
    /// <param name="errorCode">The machine-readable failure code.</param>
    /// <param name="result">The raw <c>result</c> JSON; when <paramref name="outputUrls"/> is null, the output URLs are found in it.</param>
    /// <param name="createdAt">When the job was created.</param>
    /// <param name="completedAt">When the job completed.</param>
    /// <param name="creditCost">The credits the job cost.</param>
    /// <param name="expired">Whether the output files have been purged.</param>
    /// <param name="outputUrls">The output URLs <see cref="ProducerGen.Job.GetOutputUrls"/> returns, in place of those in <paramref name="result"/>.</param>
    /// <param name="webhookStatus">The webhook's delivery state.</param>
    /// <param name="input">The echoed <c>input</c> JSON.</param>
    /// <param name="raw">The whole answer <see cref="ProducerGen.Job.Raw"/> returns; undefined when <see langword="null"/>.</param>
    /// <returns>The job.</returns>
    /// <exception cref="ArgumentException">The id is empty, or no status is given and the API declares no succeeded status.</exception>
    public static Job Job(ApiDescription api, string id = "job-1", string? status = null, string? model = null, int? progress = null,
        string? error = null, string? errorCode = null, JsonElement? result = null, DateTimeOffset? createdAt = null,
        DateTimeOffset? completedAt = null, long? creditCost = null, bool expired = false, IReadOnlyList<Uri>? outputUrls = null,
        string? webhookStatus = null, JsonElement? input = null, JsonElement? raw = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentException.ThrowIfNullOrEmpty(id);
        status ??= api.SucceededStatuses.Count > 0 ? api.SucceededStatuses[0]
            : throw new ArgumentException($"The {api.Name} API declares no succeeded status; pass one.", nameof(status));

        // Cloned so the job outlives the caller's JsonDocument, as jobs read from the service do.
        return ProducerGen.Job.Create(api, id, status, model ?? string.Empty, progress, error, errorCode, result?.Clone(), createdAt, completedAt,
            creditCost, expired, outputUrls?.ToArray(), webhookStatus, input?.Clone(), raw?.Clone() ?? default);
    }

    /// <summary>The handle a submission returns.</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="status">The status the service accepted the job with.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="idempotencyKey">The submission's idempotency key.</param>
    /// <param name="averageCompletion">The model's average completion time.</param>
    /// <param name="submittedAt">When the job was accepted.</param>
    /// <param name="statusUrl">The job's status link, when the service handed one over.</param>
    /// <param name="resultUrl">The job's result link, when the service handed one over.</param>
    /// <returns>The handle.</returns>
    public static JobHandle JobHandle(string id = "job-1", string status = "QUEUED", string modelId = "", string? idempotencyKey = null,
        TimeSpan? averageCompletion = null, DateTimeOffset? submittedAt = null, Uri? statusUrl = null, Uri? resultUrl = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new ProducerGen.JobHandle(id, status, modelId, idempotencyKey, averageCompletion)
        {
            SubmittedAt = submittedAt,
            StatusUrl = statusUrl,
            ResultUrl = resultUrl,
        };
    }

    /// <summary>The answer of a plain operation, as a mocked <see cref="ProducerGenClient.SendOperationAsync"/> returns it.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The JSON body, or <see langword="null"/> for none.</param>
    /// <param name="requestId">The <c>x-request-id</c>.</param>
    /// <returns>The response.</returns>
    public static OperationResponse OperationResponse(int statusCode = 200, JsonElement? body = null, string? requestId = null)
        => new(statusCode, body?.Clone(), requestId);
}
