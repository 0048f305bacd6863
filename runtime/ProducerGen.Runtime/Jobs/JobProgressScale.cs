namespace ProducerGen;

/// <summary>How an API writes a job's progress.</summary>
public enum JobProgressScale
{
    /// <summary>A percentage from 0 to 100: a number, a numeric string or text such as <c>42%</c>.</summary>
    Percent,

    /// <summary>A fraction from 0 to 1.</summary>
    Fraction,
}
