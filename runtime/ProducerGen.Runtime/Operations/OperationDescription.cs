using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;

namespace ProducerGen;

/// <summary>
/// One of an API's plain operations (the schema's <c>operations:</c> entries: list, get, delete, train...), as generated code
/// describes it to <see cref="ProducerGenClient.SendOperationAsync"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)] // for generated code
public sealed class OperationDescription
{
    /// <summary>Describes an operation.</summary>
    /// <param name="name">The operation's name for logs and errors, e.g. <c>lorasTrain</c>.</param>
    /// <param name="method">The HTTP method, e.g. <c>GET</c>.</param>
    /// <param name="path">
    /// The path, e.g. <c>/v2/loras/{id}</c>: <c>{name}</c> is filled with one escaped segment, <c>{+name}</c> keeps <c>/</c> and
    /// escapes each segment.
    /// </param>
    /// <param name="authenticated">Whether the API key header is sent; <see langword="false"/> for a public catalog.</param>
    /// <param name="sendsIdempotencyKey">Whether the call carries an idempotency key (where the API has an idempotency header).</param>
    /// <param name="retry">Whether a transient failure may be retried by resending.</param>
    /// <param name="successStatuses">The 2xx statuses the operation documents; <see langword="null"/> or empty for any 2xx.</param>
    /// <exception cref="ArgumentException">The name, method or path is empty, the path has an unclosed placeholder, or a success status is not 2xx.</exception>
    public OperationDescription(string name, string method, string path, bool authenticated = true, bool sendsIdempotencyKey = false,
        OperationRetry retry = OperationRetry.Default, IReadOnlyList<int>? successStatuses = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Enum.IsDefined(retry))
        {
            throw new ArgumentOutOfRangeException(nameof(retry), retry, "Not an OperationRetry value.");
        }

        var statuses = successStatuses?.ToArray() ?? [];
        foreach (var status in statuses)
        {
            if (status is < 200 or > 299)
            {
                throw new ArgumentException($"A success status must be 2xx (was {status}).", nameof(successStatuses));
            }
        }

        Name = name;
        Method = method.ToUpperInvariant();
        Path = path;
        Template = OperationPath.Parse(path, nameof(path));
        Authenticated = authenticated;
        SendsIdempotencyKey = sendsIdempotencyKey;
        Retry = retry;
        SuccessStatuses = statuses;
    }

    /// <summary>The operation's name for logs and errors, e.g. <c>lorasTrain</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP method, upper case, e.g. <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The path template, e.g. <c>/v2/loras/{id}</c>.</summary>
    public string Path { get; }

    /// <summary>Whether the API key header is sent; <see langword="false"/> for a public catalog.</summary>
    public bool Authenticated { get; }

    /// <summary>Whether the call carries an idempotency key.</summary>
    public bool SendsIdempotencyKey { get; }

    /// <summary>Whether a transient failure may be retried by resending.</summary>
    public OperationRetry Retry { get; }

    /// <summary>The 2xx statuses the operation documents; empty for any 2xx. Another 2xx is an <see cref="UnexpectedResponseException"/>.</summary>
    public IReadOnlyList<int> SuccessStatuses { get; }

    /// <summary>The parsed path.</summary>
    internal OperationPath Template { get; }

    /// <summary>Whether the method sends no body (<c>GET</c>, <c>HEAD</c>, <c>DELETE</c>).</summary>
    internal bool SendsNoBody => Method is "GET" or "HEAD" or "DELETE";

    /// <summary>Whether a retry may resend the call, given whether it carries an idempotency key.</summary>
    internal bool IsReplaySafe(bool hasIdempotencyKey) => Retry switch
    {
        OperationRetry.Idempotent => true,
        OperationRetry.SafeOnly => false,
        _ => Method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS" || hasIdempotencyKey,
    };

    /// <summary>The operation's name and route for errors and logs, e.g. <c>lorasGet (GET /v2/loras/{id})</c>.</summary>
    internal string Display => $"{Name} ({Method} {Path})";

    /// <inheritdoc/>
    public override string ToString() => Display;
}
