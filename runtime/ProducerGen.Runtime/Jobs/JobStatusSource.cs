namespace ProducerGen;

/// <summary>Where a job's status comes from.</summary>
public enum JobStatusSource
{
    /// <summary>A value in the job body, at <see cref="JobShape.StatusPath"/>.</summary>
    Body,

    /// <summary>The HTTP status code of the poll (<c>202</c> while running, <c>200</c> when done), as text.</summary>
    HttpStatus,
}
