using ProducerGen;

// In OpenTelemetry's namespace, as instrumentation libraries do: code configuring metrics has it imported already. The class name
// is prefixed: the SDK has a class of the unprefixed name in this namespace.
namespace OpenTelemetry.Metrics;

/// <summary>Registers the ProducerGen runtime's instruments with an OpenTelemetry meter provider.</summary>
public static class ProducerGenMeterProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the <see cref="ProducerGenTelemetry.Name"/> meter: <c>producergen.polls</c>, <c>producergen.retries</c> and
    /// <c>producergen.job.duration</c> (see <see cref="ProducerGenTelemetry"/>).
    /// </summary>
    /// <param name="builder">The meter provider's builder.</param>
    /// <returns>The same builder.</returns>
    public static MeterProviderBuilder AddProducerGenInstrumentation(this MeterProviderBuilder builder)
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(ProducerGenTelemetry.Name);
    }
}
