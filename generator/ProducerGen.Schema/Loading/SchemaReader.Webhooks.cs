using System;
using System.Collections.Generic;
using ProducerGen.Schema.Diagnostics;
using ProducerGen.Schema.Model;
using ProducerGen.Schema.Yaml;

namespace ProducerGen.Schema.Loading;

/// <summary>Reads <c>api.webhooks</c>: the signing scheme and its settings.</summary>
internal sealed partial class SchemaReader
{
    /// <summary>The values of <c>api.webhooks.scheme</c>.</summary>
    internal static readonly string[] WebhookSchemes = { "api-key-hmac", "standard", "timestamped", "none" };

    private WebhooksSpec? ReadWebhooks(YamlNode node)
    {
        if (Mapping(node, "'api.webhooks'") is not { } mapping)
        {
            return null;
        }

        var entries = Entries(mapping, SchemaKeys.Webhooks, "'api.webhooks'");
        var scheme = OneOf(entries, "scheme", WebhookSchemes, "the webhook scheme");
        var effective = scheme ?? "api-key-hmac";
        var signatureHeader = WebhookHeader(entries, "signatureHeader");
        var eventHeader = WebhookHeader(entries, "eventHeader");
        var secretEnv = OptionalString(entries, "secretEnv");
        var timestampKey = OptionalString(entries, "timestampKey");
        var signatureKey = OptionalString(entries, "signatureKey");
        var urlMember = OptionalString(entries, "urlMember");

        // Each setting belongs to some schemes only; written elsewhere it would be silently ignored, so it is an error.
        if (effective == "standard" && signatureHeader is not null)
        {
            Error(SchemaDiagnosticIds.InvalidValue, "Standard Webhooks always sign in the 'webhook-id', 'webhook-timestamp' and 'webhook-signature' headers; remove 'signatureHeader'.", entries["signatureHeader"].Key.Range);
        }

        if (effective == "timestamped" && signatureHeader is null && !entries.ContainsKey("signatureHeader"))
        {
            Error(SchemaDiagnosticIds.MissingKey, "'api.webhooks' with 'scheme: timestamped' is missing the required key 'signatureHeader' (the header holding 't=…,v1=…').", entries["scheme"].Value.Range);
        }

        if (effective is "api-key-hmac" or "none" && secretEnv is not null)
        {
            var why = effective == "none" ? "unsigned webhooks have no secret" : "this scheme is keyed by the API key";
            Error(SchemaDiagnosticIds.InvalidValue, $"'secretEnv' does not apply: {why}. Use 'scheme: standard' or 'scheme: timestamped' for a signing secret of its own.", entries["secretEnv"].Key.Range);
        }

        if (secretEnv is not null && !IsEnvironmentVariableName(secretEnv))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{Truncate(secretEnv)}' is not an environment variable name; use letters, digits and '_', e.g. 'REPLICATE_WEBHOOK_SECRET'.", entries["secretEnv"].Value.Range);
        }

        long? tolerance = null;
        if (OptionalString(entries, "tolerance") is { } toleranceText)
        {
            tolerance = DurationParser.TryParseMilliseconds(toleranceText);
            if (tolerance is null or <= 0)
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"tolerance '{Truncate(toleranceText)}' is not a positive duration; write it like '5m' or '30s'.", entries["tolerance"].Value.Range);
                tolerance = null;
            }
            else if (effective is "api-key-hmac" or "none")
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"'tolerance' does not apply: scheme '{effective}' signs no timestamp. It applies to 'standard' and 'timestamped'.", entries["tolerance"].Key.Range);
            }
        }

        foreach (var (key, value) in new[] { ("timestampKey", timestampKey), ("signatureKey", signatureKey) })
        {
            if (value is null)
            {
                continue;
            }

            if (effective != "timestamped")
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"'{key}' names a part of a 't=…,v1=…' header and applies only with 'scheme: timestamped'.", entries[key].Key.Range);
            }
            else if (value.Length == 0 || value.IndexOfAny(new[] { ',', '=', ' ' }) >= 0)
            {
                Error(SchemaDiagnosticIds.InvalidValue, $"'{key}' must be a name without ',', '=' or spaces, e.g. 't' or 'v1'.", entries[key].Value.Range);
            }
        }

        if (timestampKey is not null && timestampKey == signatureKey)
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'timestampKey' and 'signatureKey' are both '{timestampKey}'; the header's parts need different names.", entries["signatureKey"].Value.Range);
        }

        if (urlMember is not null && urlMember.Length == 0)
        {
            Error(SchemaDiagnosticIds.InvalidValue, "'urlMember' is empty; it names the body member that carries the webhook URL, e.g. 'webhookUrl'.", entries["urlMember"].Value.Range);
            urlMember = null;
        }

        if (urlMember is not null)
        {
            _webhookUrlMember = (urlMember, entries["urlMember"].Value.Range);
        }

        return new WebhooksSpec(signatureHeader, eventHeader, scheme, secretEnv, tolerance, timestampKey, signatureKey, urlMember);
    }

    private (string Name, SourceRange Range)? _webhookUrlMember;

    /// <summary>The declared <c>urlMember</c> must be a field some endpoint sends, or the emulator and readers would look for a member no request has.</summary>
    private void CheckWebhookUrlMember(List<EndpointSpec> endpoints)
    {
        if (_webhookUrlMember is not { } declared || endpoints.Count == 0)
        {
            return;
        }

        var fields = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var field in endpoint.Fields)
            {
                if (field.Name == declared.Name)
                {
                    return;
                }

                fields.Add(field.Name);
            }
        }

        Error(SchemaDiagnosticIds.InvalidValue, $"'urlMember' is '{Truncate(declared.Name)}', which no endpoint lists in its 'fields'; declare it there (e.g. {declared.Name}: {{ type: url }}) or name the field that carries the webhook URL.{DidYouMean.Hint(declared.Name, fields)}", declared.Range);
    }

    private string? WebhookHeader(Dictionary<string, Entry> entries, string key)
    {
        var header = OptionalString(entries, key);
        if (header is not null && !HeaderText.IsName(header))
        {
            Error(SchemaDiagnosticIds.InvalidValue, $"'{Truncate(header)}' is not an HTTP header name; use letters, digits and '-', e.g. 'X-Webhook-Signature'.", entries[key].Value.Range);
            return null;
        }

        return header;
    }

    private static bool IsEnvironmentVariableName(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is '_' or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}
