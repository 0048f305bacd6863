namespace ProducerGen.Generator.Emit;

/// <summary>
/// Emits the <c>Add{Client}</c> registrations of a schema's client (printed into the client's file): by a delegate or a configuration
/// section, unnamed (a typed HttpClient) or named (a keyed service). Each only forwards to the runtime, which holds the logic.
/// </summary>
internal static class ServiceCollectionEmitter
{
    private const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
    private const string Configuration = "global::Microsoft.Extensions.Configuration.IConfiguration";
    private const string Runtime = "global::ProducerGen.ProducerGenServiceCollectionExtensions";

    public static void Emit(SourceWriter w, Specs.ClientSpec api)
    {
        var client = api.ClientName;
        var options = api.OptionsName;
        var factory = $"static (httpClient, options, _) => new {client}(options, httpClient)";
        w.DocXml("summary", $"Registers <see cref=\"{client}\"/> with dependency injection.");
        w.Line(GeneratedCode.Attribute);
        w.OpenBlock($"public static partial class {api.ExtensionsName}");

        w.DocXml("summary", $"Adds <see cref=\"{client}\"/> as a typed HttpClient; configure resilience on the returned builder. The options are validated when the host starts.");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"configure\">Sets the options (API key, base address, ...).</param>");
        w.Line("/// <returns>The HttpClient builder, for handlers and resilience.</returns>");
        w.Line($"public static {Builder} Add{client}(this {Services} services, global::System.Action<{options}>? configure = null)");
        w.Line($"    => {Runtime}.AddProducerGenClient<{client}, {options}>(services, {client}.Description, configure, {factory});");
        w.Line();

        w.DocXml("summary", $"Adds <see cref=\"{client}\"/> as a typed HttpClient whose options are bound from a configuration section (<c>ApiKey</c>, <c>BaseAddress</c>, <c>Retry:MaxRetries</c>, ...) and validated when the host starts.");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"configuration\">The section holding the options, e.g. <c>builder.Configuration.GetSection(\"" + api.ClientName + "\")</c>.</param>");
        w.Line("/// <returns>The HttpClient builder, for handlers and resilience.</returns>");
        w.Line($"public static {Builder} Add{client}(this {Services} services, {Configuration} configuration)");
        w.Line($"    => {Runtime}.AddProducerGenClient<{client}, {options}>(services, {client}.Description, configuration, {factory});");
        w.Line();

        w.DocXml("summary", $"Adds a named <see cref=\"{client}\"/>, resolved with <c>[FromKeyedServices(name)]</c> or <c>GetRequiredKeyedService&lt;{client}&gt;(name)</c>, with its own named options and HttpClient.");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"name\">The registration's name: the service key and the options' name.</param>");
        w.Line("/// <param name=\"configure\">Sets this registration's options.</param>");
        w.Line("/// <returns>The builder of this registration's HttpClient.</returns>");
        w.Line($"public static {Builder} Add{client}(this {Services} services, string name, global::System.Action<{options}>? configure = null)");
        w.Line($"    => {Runtime}.AddKeyedProducerGenClient<{client}, {options}>(services, name, {client}.Description, configure, {factory});");
        w.Line();

        w.DocXml("summary", $"Adds a named <see cref=\"{client}\"/> (a keyed service) whose options are bound from a configuration section.");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"name\">The registration's name: the service key and the options' name.</param>");
        w.Line("/// <param name=\"configuration\">The section holding this registration's options.</param>");
        w.Line("/// <returns>The builder of this registration's HttpClient.</returns>");
        w.Line($"public static {Builder} Add{client}(this {Services} services, string name, {Configuration} configuration)");
        w.Line($"    => {Runtime}.AddKeyedProducerGenClient<{client}, {options}>(services, name, {client}.Description, configuration, {factory});");
        w.CloseBlock();
    }
}
