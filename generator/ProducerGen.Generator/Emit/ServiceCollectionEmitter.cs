namespace ProducerGen.Generator.Emit;

/// <summary>Emits the <c>Add{Client}</c> registrations of a schema's client (printed into the client's file).</summary>
internal static class ServiceCollectionEmitter
{
    public static void Emit(SourceWriter w, Specs.ClientSpec api)
    {
        var client = api.ClientName;
        var options = api.OptionsName;
        w.DocXml("summary", $"Registers <see cref=\"{client}\"/> with dependency injection.");
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public static partial class {api.ExtensionsName}");
        w.DocXml("summary", $"Adds <see cref=\"{client}\"/> as a typed HttpClient; configure resilience on the returned builder.");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"configure\">Sets the options (API key, base address, ...).</param>");
        w.Line("/// <returns>The HttpClient builder, for handlers and resilience.</returns>");
        w.Line($"public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{client}(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<{options}>? configure = null)");
        w.Line($"    => global::ProducerGen.ProducerGenServiceCollectionExtensions.AddProducerGenClient<{client}, {options}>(services, configure, static (httpClient, options, _) => new {client}(options, httpClient));");
        w.CloseBlock();
    }
}
