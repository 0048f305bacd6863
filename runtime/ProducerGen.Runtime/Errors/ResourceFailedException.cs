namespace ProducerGen;

/// <summary>A long-running resource (a LoRA training) ended in a failed status.</summary>
public sealed class ResourceFailedException : ProducerGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="resourceId">The resource's id.</param>
    /// <param name="status">The failed status, e.g. <c>FAILED</c>.</param>
    /// <param name="errorMessage">The resource's error message, or <see langword="null"/> when the service gave none.</param>
    public ResourceFailedException(string resourceId, string status, string? errorMessage)
        : base(BuildMessage(resourceId, status, errorMessage))
    {
        ResourceId = resourceId;
        Status = status;
        ErrorMessage = errorMessage;
    }

    /// <summary>The resource's id.</summary>
    public string ResourceId { get; }

    /// <summary>The failed status.</summary>
    public string Status { get; }

    /// <summary>The resource's error message (with the API key redacted), or <see langword="null"/>.</summary>
    public string? ErrorMessage { get; }

    private static string BuildMessage(string resourceId, string status, string? errorMessage)
    {
        var reason = string.IsNullOrWhiteSpace(errorMessage) ? "no error message was given" : $"error: {errorMessage}";
        return $"Resource {resourceId} ended with status {status}; {reason}.";
    }
}
