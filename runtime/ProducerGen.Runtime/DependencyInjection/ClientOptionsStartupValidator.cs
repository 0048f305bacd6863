using System;
using Microsoft.Extensions.Options;

namespace ProducerGen;

/// <summary>
/// Checks a registered client's options when the host starts (<c>ValidateOnStart</c>) with the very checks the client makes when it
/// is created: ranges, an API key (in the options or the schema's environment variable) and a safe base address. A failure names the
/// option and the client (and its registration name), never the key's value.
/// </summary>
internal sealed class ClientOptionsStartupValidator<TOptions>(string optionsName, ApiDescription api) : IValidateOptions<TOptions>
    where TOptions : ProducerGenClientOptions
{
    /// <summary>The name of the options this validator checks (empty for the unnamed registration).</summary>
    public string OptionsName => optionsName;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, optionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var client = optionsName.Length == 0 ? $"The {api.Name} client" : $"The {api.Name} client named '{optionsName}'";
        try
        {
            ProducerGenClient.ValidateOptions(options);
            ProducerGenClient.ResolveApiKey(api, options);
            BaseAddressRules.Validate(options.BaseAddress ?? api.DefaultBaseAddress, api.Name);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"{client} ({typeof(TOptions).Name}): {WithoutParameterName(exception)}");
        }
        catch (InvalidOperationException exception)
        {
            return ValidateOptionsResult.Fail($"{client} ({typeof(TOptions).Name}): {exception.Message}");
        }
    }

    // The checks' messages already name the option; ArgumentException's " (Parameter 'options')" suffix only adds noise.
    private static string WithoutParameterName(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = exception.ParamName is { } parameter ? $" (Parameter '{parameter}')" : null;
        var at = suffix is null ? -1 : message.IndexOf(suffix, StringComparison.Ordinal);
        return at < 0 ? message : message.Remove(at, suffix!.Length);
    }
}
