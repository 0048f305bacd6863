using ProducerGen;

// In OpenTelemetry's namespace, as instrumentation libraries do: code configuring tracing has it imported already. The class name
// is prefixed: the SDK has a class of the unprefixed name in this namespace.
namespace OpenTelemetry.Trace;

/// <summary>Registers the ProducerGen runtime's spans with an OpenTelemetry tracer provider.</summary>
public static class ProducerGenTracerProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the <see cref="ProducerGenTelemetry.Name"/> activity source: spans <c>ProducerGen.Submit</c>, <c>ProducerGen.Wait</c>,
    /// <c>ProducerGen.Poll</c>, <c>ProducerGen.Generate</c>, <c>ProducerGen.Operation</c> and <c>ProducerGen.Download</c> (see <see cref="ProducerGenTelemetry"/>).
    /// </summary>
    /// <param name="builder">The tracer provider's builder.</param>
    /// <returns>The same builder.</returns>
    public static TracerProviderBuilder AddProducerGenInstrumentation(this TracerProviderBuilder builder)
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(ProducerGenTelemetry.Name);
    }
}
