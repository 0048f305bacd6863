using System;

namespace ProducerGen;

/// <summary>Describes one model of an API: the value sent as <c>model</c> and the endpoint that accepts it.</summary>
public sealed class ModelDescription
{
    /// <summary>Creates a description of a model.</summary>
    /// <param name="modelId">The wire value sent as <c>model</c>, e.g. <c>producer</c>.</param>
    /// <param name="method">The HTTP method of the submit endpoint, e.g. <c>POST</c>.</param>
    /// <param name="path">The path of the submit endpoint, e.g. <c>/v2/music/generate</c>, with the route's placeholders (<c>{model}</c>, <c>{+model}</c>, route params) already filled in and escaped by the generator.</param>
    /// <param name="averageCompletion">How long a job of this model takes on average, or <see langword="null"/> when unknown.</param>
    public ModelDescription(string modelId, string method, string path, TimeSpan? averageCompletion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (averageCompletion is { } average && average <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(averageCompletion), average, "The average completion time must be positive.");
        }

        ModelId = modelId;
        Method = method.ToUpperInvariant();
        Path = path;
        AverageCompletion = averageCompletion;
    }

    /// <summary>The wire value sent as <c>model</c>.</summary>
    public string ModelId { get; }

    /// <summary>The HTTP method of the submit endpoint.</summary>
    public string Method { get; }

    /// <summary>The path of the submit endpoint.</summary>
    public string Path { get; }

    /// <summary>How long a job of this model takes on average, or <see langword="null"/> when unknown.</summary>
    public TimeSpan? AverageCompletion { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{ModelId} ({Method} {Path})";
}
