using System.Globalization;
using System.Text.Json;
using ProducerGen.Schema.Model;

namespace ProducerGen.Emulator.Jobs;

/// <summary>
/// Writes the emulated API's answers in the shape its schema declares (<c>api.jobs</c> paths, <c>api.envelope</c>,
/// <c>api.errors</c>): the submit answer, job bodies, result and error answers, and the status values of the schema's
/// own lists. A v1 schema (<see cref="IsV1"/>) keeps the answers the emulator always wrote.
/// </summary>
internal sealed class AnswerShape
{
    private readonly JobsSpec _jobs;
    private readonly JobShapeSpec? _shape;
    private readonly EnvelopeSpec? _envelope;
    private readonly ErrorsSpec? _errors;
    private readonly string _jobPrefix;

    public AnswerShape(SchemaDocument schema)
    {
        _jobs = schema.Api.Jobs;
        _shape = _jobs.Shape;
        _envelope = schema.Api.Envelope;
        _errors = schema.Api.Errors;

        // Members the shape does not place (model, input, timestamps) go beside the id: inside the envelope's data, say.
        var anchor = _shape?.IdPath ?? _shape?.StatusPath;
        _jobPrefix = anchor is not null && anchor.LastIndexOf('.') is var dot and > 0 ? anchor[..(dot + 1)] : string.Empty;
    }

    /// <summary>Whether the schema declares no shape, envelope or error paths: answers are the v1 ones.</summary>
    public bool IsV1 => _shape is null && _envelope is null && _errors is null;

    /// <summary>Whether the poll's HTTP status carries the job's status.</summary>
    public bool StatusFromHttp => _shape?.StatusFromHttp == true;

    /// <summary>The HTTP status of a submit answer.</summary>
    public int AcceptedHttpStatus => _envelope is null ? 202 : 200;

    /// <summary>The schema's spelling of an emulated status (the first of its list), so any status vocabulary round-trips.</summary>
    public string StatusText(string status) => status switch
    {
        JobStatus.Queued => First(_jobs.Pending, 0) ?? status,
        JobStatus.Processing => First(_jobs.Pending, 1) ?? First(_jobs.Pending, 0) ?? status,
        JobStatus.Completed => First(_jobs.Succeeded, 0) ?? status,
        // An API without failed statuses reports failure as a succeeded status with an error (error.failsJob).
        JobStatus.Failed => First(_jobs.Failed, 0) ?? First(_jobs.Succeeded, 0) ?? status,
        _ => status,
    };

    /// <summary>The HTTP status of a job answer: the status itself where the schema reads it from the HTTP status.</summary>
    public int JobHttpStatus(JobSnapshot state)
        => StatusFromHttp && int.TryParse(StatusText(state.Status), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 200;

    /// <summary>The submit answer: the id, the status and the links, where the schema says.</summary>
    public void WriteAccepted(Utf8JsonWriter writer, EmulatedJob job, string status, Uri jobUrl, Uri resultUrl)
    {
        var document = Enveloped();
        document.SetString(_shape?.IdPath ?? "jobId", job.Id.ToString("D"));
        if (!StatusFromHttp)
        {
            document.SetString(_shape?.StatusPath ?? "status", StatusText(status));
        }

        if (_shape?.StatusUrlPath is { } statusUrl)
        {
            document.SetString(statusUrl, jobUrl.AbsoluteUri);
        }

        if (_shape?.ResultUrlPath is { } resultLink)
        {
            document.SetString(resultLink, resultUrl.AbsoluteUri);
        }

        document.WriteTo(writer);
    }

    /// <summary>A job body in the schema's shape.</summary>
    public void WriteJob(Utf8JsonWriter writer, EmulatedJob job, JobSnapshot state, string idField)
    {
        var document = Enveloped();
        document.SetString(_shape?.IdPath ?? idField, job.Id.ToString("D"));
        if (!StatusFromHttp)
        {
            document.SetString(_shape?.StatusPath ?? "status", StatusText(state.Status));
        }

        document.SetString(_shape?.ModelPath ?? _jobPrefix + "model", job.Model.Id);
        WriteProgress(document, state.Progress);
        var error = _shape?.ErrorPath ?? "error";
        document.SetString(error, state.Error);
        if (state.Error is not null && _shape?.ErrorCodePath is { } code)
        {
            document.SetString(code, "generation_failed");
        }

        document.SetString(_shape?.CreatedAtPath ?? _jobPrefix + "createdAt", JobJson.Timestamp(job.CreatedAt));
        document.SetString(_shape?.CompletedAtPath ?? _jobPrefix + "completedAt", state.CompletedAt is { } completed ? JobJson.Timestamp(completed) : null);
        if (state.Status == JobStatus.Completed && _shape?.ResultGet is null && _shape?.ContentGet is null)
        {
            SetResult(document, job);
        }

        document.Set(_jobPrefix + "input", job.Input.WriteTo);
        document.WriteTo(writer);
    }

    /// <summary>The answer of the result endpoint (or of the result link) of a completed job.</summary>
    public void WriteResultAnswer(Utf8JsonWriter writer, EmulatedJob job)
    {
        var document = Enveloped();
        SetResult(document, job);
        document.WriteTo(writer);
    }

    /// <summary>
    /// The HTTP status and body of an error. With an envelope, API errors answer HTTP 200 with the code inside (what an
    /// enveloped API does); overload and outage statuses (429, 5xx) stay HTTP statuses, as a gateway in front would send them.
    /// </summary>
    public (int HttpStatus, Action<Utf8JsonWriter> Body) Error(int status, string message)
    {
        var document = new PathDocument();
        var httpStatus = status;
        if (_envelope is not null)
        {
            httpStatus = status is 429 or >= 500 ? status : 200;
            document.Set(_envelope.CodePath, w => w.WriteNumberValue(status));
            document.SetString(_envelope.MessagePaths.Count > 0 ? _envelope.MessagePaths[0] : "msg", message);
        }
        else if (_errors is not null)
        {
            document.SetString(_errors.MessagePaths[0], message);
            if (_errors.CodePath is { } code)
            {
                document.SetString(code, "http_" + status.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            document.SetString("error", message);
        }

        return (httpStatus, document.WriteTo);
    }

    private void SetResult(PathDocument document, EmulatedJob job)
    {
        var path = _shape?.ResultPath ?? "result";
        if (_shape?.ResultIsJsonText == true)
        {
            var text = JobJson.ResultText(job);
            document.SetString(path, text);
        }
        else
        {
            document.Set(path, w => JobJson.WriteResultValue(w, job));
        }
    }

    private void WriteProgress(PathDocument document, int progress)
    {
        var path = _shape?.ProgressPath ?? "progress";
        if (_shape?.ProgressPattern is not null)
        {
            // A log line like the ones such APIs stream; the schema's pattern reads the percentage back.
            document.SetString(path, string.Create(CultureInfo.InvariantCulture, $"{progress}%|{new string('#', progress / 10)} {progress}/100\n"));
        }
        else if (_shape?.ProgressFraction == true)
        {
            document.Set(path, w => w.WriteNumberValue(progress / 100.0));
        }
        else
        {
            document.Set(path, w => w.WriteNumberValue(progress));
        }
    }

    private PathDocument Enveloped()
    {
        var document = new PathDocument();
        if (_envelope is { } envelope)
        {
            var success = envelope.Success[0];
            document.Set(envelope.CodePath, w =>
            {
                if (long.TryParse(success, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    w.WriteNumberValue(number);
                }
                else
                {
                    w.WriteStringValue(success);
                }
            });
            if (envelope.MessagePaths.Count > 0)
            {
                document.SetString(envelope.MessagePaths[0], "success");
            }
        }

        return document;
    }

    private static string? First(EquatableArray<string> statuses, int index) => statuses.Count > index ? statuses[index] : null;
}
