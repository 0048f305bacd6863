using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;

namespace ProducerGen;

/// <summary>
/// A long-running resource that is not a job (a LoRA training): where to read it, and which of its statuses mean pending,
/// succeeded and failed. Paths into its JSON are response paths (dotted members, <c>[n]</c>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)] // for generated code
public sealed class ResourceDescription
{
    /// <summary>Describes a resource.</summary>
    /// <param name="name">The resource's name for logs and errors, e.g. <c>lora</c>.</param>
    /// <param name="getPath">The path that reads it, with one placeholder for its id, e.g. <c>/v2/loras/{id}</c>.</param>
    /// <param name="idPath">The path of its id in an answer, e.g. <c>id</c>.</param>
    /// <param name="statusPath">The path of its status in an answer, e.g. <c>status</c>.</param>
    /// <param name="pending">The statuses that mean it is still in progress.</param>
    /// <param name="succeeded">The statuses that mean it is ready.</param>
    /// <param name="failed">The statuses that mean it failed.</param>
    /// <param name="errorPath">The path of its error message, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A path is not valid, the get path does not have exactly one placeholder, or no succeeded status is given.</exception>
    public ResourceDescription(string name, string getPath, string idPath, string statusPath, IReadOnlyList<string> pending,
        IReadOnlyList<string> succeeded, IReadOnlyList<string> failed, string? errorPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(succeeded);
        ArgumentNullException.ThrowIfNull(failed);
        Get = new OperationDescription(name + ".get", "GET", getPath);
        if (Get.Template.PlaceholderCount != 1)
        {
            throw new ArgumentException($"'{getPath}' must have exactly one placeholder, for the resource's id, e.g. '/v2/loras/{{id}}'.", nameof(getPath));
        }

        if (succeeded.Count == 0)
        {
            throw new ArgumentException("At least one succeeded status is needed, or a wait could never end well.", nameof(succeeded));
        }

        Name = name;
        IdPath = ResponsePath.Parse(idPath, nameof(idPath));
        StatusPath = ResponsePath.Parse(statusPath, nameof(statusPath));
        ErrorPath = errorPath is null ? null : ResponsePath.Parse(errorPath, nameof(errorPath));
        Pending = pending.ToArray();
        Succeeded = succeeded.ToArray();
        Failed = failed.ToArray();
    }

    /// <summary>The resource's name, e.g. <c>lora</c>.</summary>
    public string Name { get; }

    /// <summary>The statuses that mean in progress.</summary>
    public IReadOnlyList<string> Pending { get; }

    /// <summary>The statuses that mean ready.</summary>
    public IReadOnlyList<string> Succeeded { get; }

    /// <summary>The statuses that mean failed.</summary>
    public IReadOnlyList<string> Failed { get; }

    internal OperationDescription Get { get; }

    internal ResponsePath IdPath { get; }

    internal ResponsePath StatusPath { get; }

    internal ResponsePath? ErrorPath { get; }

    /// <summary>Why <paramref name="id"/> cannot name a resource in the get path, or <see langword="null"/> when it can.</summary>
    internal string? IdProblem(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "is empty";
        }

        // One segment ({id}): a '/' would be escaped, but some servers decode %2F and route elsewhere, as job ids are refused.
        var segments = Get.Path.Contains("{+", StringComparison.Ordinal) ? id.Split('/') : [id];
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Contains('/', StringComparison.Ordinal))
            {
                return "holds an empty, '.' or '..' segment, or a '/' where the path takes one segment";
            }
        }

        return null;
    }

    internal bool IsSucceeded(string? status) => Contains(Succeeded, status);

    internal bool IsFailed(string? status) => Contains(Failed, status);

    internal bool IsKnown(string? status) => Contains(Pending, status) || IsSucceeded(status) || IsFailed(status);

    // As job statuses: ordinal, case-insensitive.
    private static bool Contains(IReadOnlyList<string> statuses, string? status)
        => status is not null && statuses.Any(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
}
