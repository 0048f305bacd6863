using System;

namespace ProducerGen;

/// <summary>Chooses the pause before the next poll of a pending job. The runtime then keeps it within the configured bounds, lengthens it to any <c>Retry-After</c>, and cuts it to the remaining budget.</summary>
public interface IPollingPolicy
{
    /// <summary>The pause before the next poll.</summary>
    /// <param name="context">What is known about the job.</param>
    /// <returns>The pause.</returns>
    TimeSpan NextDelay(PollContext context);
}
