using System;
using System.Collections.Generic;

namespace ProducerGen;

/// <summary>
/// Where a job's facts are in the API's answers: the id, the status, progress, the result and the error, each as a path into
/// the JSON (<c>data.taskId</c>, <c>images[0].url</c>, <c>$</c> for the whole body), plus the routes of a separate result or
/// content endpoint and the links a submit answer hands over. <see cref="Default"/> is the v1 shape (top-level
/// <c>status</c>, <c>progress</c> 0–100, <c>result</c>, <c>error</c>); generated clients set only what their schema changes.
/// </summary>
public sealed class JobShape
{
    /// <summary>The v1 shape: the id in <c>jobId</c>/the id member/<c>id</c>, top-level <c>status</c>, <c>progress</c> (0–100), <c>result</c> and <c>error</c>.</summary>
    public static JobShape Default { get; } = new();

    /// <summary>
    /// The path of the job's id in the submit answer and in job bodies, e.g. <c>data.taskId</c>; <see langword="null"/> for the v1
    /// lookup (<c>jobId</c>, then the API's id member, then <c>id</c>). A job body without it is read as the job asked for.
    /// </summary>
    public string? IdPath { get; init; }

    /// <summary>The path of the status value (a string, a number or a boolean, read as its text: <c>true</c>/<c>false</c>). Ignored when <see cref="StatusSource"/> is <see cref="JobStatusSource.HttpStatus"/>.</summary>
    public string StatusPath { get; init; } = "status";

    /// <summary>Whether the status is read from the body (<see cref="StatusPath"/>) or is the poll's HTTP status code (<c>202</c>, <c>200</c>).</summary>
    public JobStatusSource StatusSource { get; init; } = JobStatusSource.Body;

    /// <summary>The path of the model id in job bodies (<see cref="Job.Model"/>), or <see langword="null"/> when the API names none.</summary>
    public string? ModelPath { get; init; } = "model";

    /// <summary>The path of the job's creation time: ISO 8601 text, or a number of Unix seconds or milliseconds (<see cref="Job.CreatedAt"/>; it paces polling of a resumed job).</summary>
    public string? CreatedAtPath { get; init; } = "createdAt";

    /// <summary>The path of the job's completion time, as <see cref="CreatedAtPath"/> (<see cref="Job.CompletedAt"/>).</summary>
    public string? CompletedAtPath { get; init; } = "completedAt";

    /// <summary>The path of the progress value, or <see langword="null"/> when the API reports none.</summary>
    public string? ProgressPath { get; init; } = "progress";

    /// <summary>How the progress value is written: a percentage (<c>42</c>, <c>"42"</c>, <c>"42%"</c>) or a fraction (<c>0.42</c>).</summary>
    public JobProgressScale ProgressScale { get; init; } = JobProgressScale.Percent;

    /// <summary>
    /// A regular expression whose first group is a percentage, matched against the progress text (a log, say); the last match
    /// counts. <see langword="null"/> when the progress value is a number.
    /// </summary>
    public string? ProgressPattern { get; init; }

    /// <summary>The path of the result: in the job body, or in the result endpoint's answer when <see cref="ResultRoute"/> is set; <see langword="null"/> when none.</summary>
    public string? ResultPath { get; init; } = "result";

    /// <summary>Whether the result value is a JSON document written as a string (it is then parsed).</summary>
    public bool ResultIsJsonText { get; init; }

    /// <summary>The path of a separate result endpoint read (GET) once the job succeeded, holding <c>{id}</c>; <see langword="null"/> when the result is in the job.</summary>
    public string? ResultRoute { get; init; }

    /// <summary>The path of the failure reason: a string, or an object whose <c>message</c> is read; <see langword="null"/> when none.</summary>
    public string? ErrorPath { get; init; } = "error";

    /// <summary>The path of a machine-readable failure code, or <see langword="null"/>.</summary>
    public string? ErrorCodePath { get; init; }

    /// <summary>Whether a job in a succeeded status that carries an error counts as failed (APIs that say <c>COMPLETED</c> either way).</summary>
    public bool ErrorFailsJob { get; init; }

    /// <summary>The path, in the submit answer, of an absolute URL to poll that job at instead of the job route; <see langword="null"/> when none.</summary>
    public string? StatusUrlPath { get; init; }

    /// <summary>The path, in the submit answer, of an absolute URL to read that job's result at instead of <see cref="ResultRoute"/>; <see langword="null"/> when none.</summary>
    public string? ResultUrlPath { get; init; }

    /// <summary>The path of a binary content endpoint holding <c>{id}</c> (the output itself, not JSON); its URLs are the job's output URLs once it succeeded.</summary>
    public string? ContentRoute { get; init; }

    /// <summary>The query parameter that selects a content variant (<c>variant</c>), or <see langword="null"/>.</summary>
    public string? ContentVariantParameter { get; init; }

    /// <summary>The content variants (<c>video</c>, <c>thumbnail</c>); the first is the main output. Empty when the endpoint has one.</summary>
    public IReadOnlyList<string> ContentVariants { get; init; } = Array.Empty<string>();
}
