using System;
using System.Globalization;

namespace ProducerGen;

/// <summary>A long-running resource did not reach a succeeded or failed status within the waiting budget. It may still finish: resume with its id.</summary>
public sealed class ResourceTimeoutException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="resourceId">The resource's id.</param>
    /// <param name="waited">How long the runtime waited.</param>
    /// <param name="lastStatus">The status last seen, or <see langword="null"/> if the resource was never read.</param>
    /// <param name="innerException">The poll that had not answered when the budget ran out, if any.</param>
    public ResourceTimeoutException(string resourceId, TimeSpan waited, string? lastStatus, Exception? innerException = null)
        : base(string.Create(CultureInfo.InvariantCulture, $"Resource {resourceId} was still {lastStatus ?? "pending"} after waiting {waited.TotalSeconds:0.#} s (the waiting budget).{(innerException is null ? string.Empty : " The last poll had not answered when the budget ran out.")} It may still finish: resume it with its id."), innerException)
    {
        ResourceId = resourceId;
        Waited = waited;
        LastStatus = lastStatus;
    }

    /// <summary>The resource's id.</summary>
    public string ResourceId { get; }

    /// <summary>How long the runtime waited.</summary>
    public TimeSpan Waited { get; }

    /// <summary>The status last seen, or <see langword="null"/>.</summary>
    public string? LastStatus { get; }
}
