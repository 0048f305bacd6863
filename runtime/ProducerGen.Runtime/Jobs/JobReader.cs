using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace ProducerGen;

/// <summary>A <see cref="JobShape"/> with its paths parsed once: reads ids, statuses, progress, results and errors from answers.</summary>
internal sealed class JobReader
{
    private readonly ResponsePath? _id;
    private readonly ResponsePath[] _v1SubmitIds;
    private readonly ResponsePath[] _v1JobIds;
    private readonly ResponsePath _status;
    private readonly ResponsePath? _progress;
    private readonly ProgressPattern? _progressPattern; // its own type, so a shape without one never loads the regex engine
    private readonly ResponsePath? _result;
    private readonly ResponsePath? _error;
    private readonly ResponsePath? _errorCode;
    private readonly ResponsePath? _model;
    private readonly ResponsePath? _createdAt;
    private readonly ResponsePath? _completedAt;
    private readonly ResponsePath? _statusUrl;
    private readonly ResponsePath? _resultUrl;
    private readonly AcceptedAnswerScan? _acceptedScan; // null when a path it reads has an index

    public JobReader(JobShape shape, string idField)
    {
        Shape = shape;
        _id = Optional(shape.IdPath, nameof(JobShape.IdPath));
        _v1SubmitIds = [Member("jobId"), Member(idField), Member("id")];
        _v1JobIds = [Member(idField), Member("id"), Member("jobId")];
        _status = ResponsePath.Parse(shape.StatusPath, nameof(JobShape.StatusPath));
        _progress = Optional(shape.ProgressPath, nameof(JobShape.ProgressPath));
        _progressPattern = shape.ProgressPattern is { } pattern ? ProgressPattern.Parse(pattern) : null;
        _result = Optional(shape.ResultPath, nameof(JobShape.ResultPath));
        _error = Optional(shape.ErrorPath, nameof(JobShape.ErrorPath));
        _errorCode = Optional(shape.ErrorCodePath, nameof(JobShape.ErrorCodePath));
        _model = Optional(shape.ModelPath, nameof(JobShape.ModelPath));
        _createdAt = Optional(shape.CreatedAtPath, nameof(JobShape.CreatedAtPath));
        _completedAt = Optional(shape.CompletedAtPath, nameof(JobShape.CompletedAtPath));
        _statusUrl = Optional(shape.StatusUrlPath, nameof(JobShape.StatusUrlPath));
        _resultUrl = Optional(shape.ResultUrlPath, nameof(JobShape.ResultUrlPath));
        _acceptedScan = _id is { } id
            ? AcceptedAnswerScan.Create([id, _status, _statusUrl, _resultUrl])
            : AcceptedAnswerScan.Create([_v1SubmitIds[0], _v1SubmitIds[1], _v1SubmitIds[2], _status, _statusUrl, _resultUrl]);
        CheckRoute(shape.ResultRoute, nameof(JobShape.ResultRoute));
        CheckRoute(shape.ContentRoute, nameof(JobShape.ContentRoute));
    }

    public JobShape Shape { get; }

    /// <summary>The id member's name for messages: the declared path, or the v1 members.</summary>
    public string IdDescription => _id?.Text ?? string.Join("', '", Array.ConvertAll(_v1SubmitIds, p => p.Text));

    /// <summary>Whether the shape names the id's path (then a job body without an id is the job asked for).</summary>
    public bool HasIdPath => _id is not null;

    /// <summary>
    /// Reads a submit's answer straight off its bytes (<see cref="AcceptedAnswerScan"/>): the id as <see cref="ReadSubmittedId"/>, the
    /// status as <see cref="ReadStatus"/> (whatever the status source) and the link texts; false where the parsed document must read it.
    /// </summary>
    public bool TryReadAccepted(ReadOnlySpan<byte> body, out string? id, out string? status, out string? statusUrl, out string? resultUrl)
    {
        id = status = statusUrl = resultUrl = null;
        var texts = default(AcceptedAnswerScan.Texts);
        if (_acceptedScan is not { } scan || !scan.TryRead(body, texts))
        {
            return false;
        }

        var ids = _id is null ? _v1SubmitIds.Length : 1;
        for (var i = 0; i < ids && id is null; i++)
        {
            id = texts[i];
        }

        (status, statusUrl, resultUrl) = (texts[ids], texts[ids + 1], texts[ids + 2]);
        return true;
    }

    public string? ReadSubmittedId(JsonElement root) => _id is { } path ? path.ReadText(root) : First(_v1SubmitIds, root);

    public string? ReadJobId(JsonElement root) => _id is { } path ? path.ReadText(root) : First(_v1JobIds, root);

    public string? ReadStatus(JsonElement root) => _status.ReadText(root);

    public string StatusDescription => Shape.StatusSource == JobStatusSource.HttpStatus ? "HTTP status" : $"'{_status.Text}'";

    public Uri? ReadStatusUrl(JsonElement root) => ReadUrl(_statusUrl, root);

    public string ReadModel(JsonElement root) => _model?.ReadText(root) ?? string.Empty;

    public DateTimeOffset? ReadCreatedAt(JsonElement root) => ReadDate(_createdAt, root);

    public DateTimeOffset? ReadCompletedAt(JsonElement root) => ReadDate(_completedAt, root);

    public Uri? ReadResultUrl(JsonElement root) => ReadUrl(_resultUrl, root);

    public int? ReadProgress(JsonElement root)
    {
        if (_progress is null || !_progress.TryGet(root, out var value))
        {
            return null;
        }

        double? number;
        if (_progressPattern is { } pattern)
        {
            number = value.ValueKind == JsonValueKind.String ? pattern.LastPercentage(value.GetString()) : null;
        }
        else
        {
            number = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetDouble(),
                JsonValueKind.String => ParseNumber(value.GetString()),
                _ => null,
            };
            if (number is { } n && Shape.ProgressScale == JobProgressScale.Fraction)
            {
                number = n * 100;
            }
        }

        return number is { } p && !double.IsNaN(p) ? (int)Math.Clamp(Math.Round(p), 0, 100) : null;
    }

    public (string? Message, string? Code) ReadError(JsonElement root)
    {
        string? message = null;
        if (_error is not null && _error.TryGet(root, out var value))
        {
            message = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Object => ErrorReader.MessageOf(value) ?? value.GetRawText(),
                JsonValueKind.Array => value.GetArrayLength() == 0 ? null : value.GetRawText(),
                _ => null,
            };
            if (message is { Length: 0 })
            {
                message = null;
            }
        }

        var code = _errorCode?.ReadText(root);
        if (code is null && _error is not null && _error.TryGet(root, out var errorObject) && errorObject.ValueKind == JsonValueKind.Object)
        {
            code = JsonText.String(errorObject, "code");
        }

        // kie.ai sends failCode "" on every task that did not fail: an empty code is no code, as an empty message is no message.
        return (message, code is { Length: 0 } ? null : code);
    }

    public JsonElement? ReadResult(JsonElement root)
    {
        if (_result is null || !_result.TryGet(root, out var value))
        {
            return null;
        }

        if (Shape.ResultIsJsonText && value.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var document = JsonDocument.Parse(value.GetString() ?? string.Empty, new JsonDocumentOptions { MaxDepth = 64 });
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON after all: the text itself is the most faithful result.
            }
        }

        return value.Clone();
    }

    /// <summary>A number, or a number followed by '%', in invariant culture; null when the text is neither.</summary>
    internal static double? ParseNumber(string? text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.EndsWith("%", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>ISO 8601 text (an offset-less time is UTC), or a number of Unix seconds (OpenAI's <c>created_at</c>) or milliseconds (kie.ai's <c>createTime</c>).</summary>
    private static DateTimeOffset? ReadDate(ResponsePath? path, JsonElement root)
    {
        if (path is null || !path.TryGet(root, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            // Seconds (OpenAI) or milliseconds (kie.ai): 10^11 seconds is the year 5138, so anything above is milliseconds.
            if (!value.TryGetDouble(out var number) || number < 0)
            {
                return null;
            }

            var milliseconds = number > 100_000_000_000 ? number : number * 1000;
            return milliseconds <= 253_402_300_799_000 ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(milliseconds)) : null; // up to 9999-12-31
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (value.TryGetDateTimeOffset(out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date) ? date : null;
    }

    private static Uri? ReadUrl(ResponsePath? path, JsonElement root) => Url(path?.ReadText(root));

    /// <summary>An absolute http(s) URL from a link's text, else null.</summary>
    public static Uri? Url(string? text)
        => text is not null && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;

    private static string? First(ResponsePath[] paths, JsonElement root)
    {
        foreach (var path in paths)
        {
            if (path.ReadText(root) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    private static ResponsePath Member(string name) => ResponsePath.Parse(name, nameof(name));

    private static ResponsePath? Optional(string? text, string name) => text is null ? null : ResponsePath.Parse(text, name);

    private static void CheckRoute(string? route, string name)
    {
        if (route is not null && (!route.StartsWith('/') || !route.Contains("{id}", StringComparison.Ordinal) && !route.Contains("{+id}", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The route '{route}' must start with '/' and hold '{{id}}'.", name);
        }
    }
}
