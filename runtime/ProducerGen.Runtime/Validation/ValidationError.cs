namespace ProducerGen;

/// <summary>One violated constraint of a request.</summary>
/// <param name="Path">The JSON path of the offending member, e.g. <c>producerParams.weirdness</c>.</param>
/// <param name="Message">What is wrong, naming the allowed range or values and the value, e.g. <c>must be between 0 and 1 (was 1.5)</c>.</param>
public sealed record ValidationError(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
