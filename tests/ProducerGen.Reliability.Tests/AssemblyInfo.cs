using Xunit;

// The soak and the security scan read process-wide listeners (MeterListener, ActivityListener) and measure load:
// run the classes one after another so their figures are not mixed with another test's traffic.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
