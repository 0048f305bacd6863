using System.Collections.Generic;
using System.Linq;
using ProducerGen.Generator.Specs;
using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Emit;

/// <summary>
/// Prints the object initializer of <c>ApiDescription</c> that says where the job's facts, the envelope and error messages
/// are. A v1 schema sets none of them and gets no initializer, so its client file is unchanged.
/// </summary>
internal static class ResponseShapeEmitter
{
    /// <summary>The initializer's lines (without braces), or an empty list when the schema keeps the v1 shape.</summary>
    public static List<string> Assignments(ClientSpec api)
    {
        var lines = new List<string>();
        if (api.Jobs.Shape is { } shape)
        {
            lines.Add("JobShape = new global::ProducerGen.JobShape");
            lines.Add("{");
            foreach (var member in JobShapeMembers(shape))
            {
                lines.Add("    " + member + ",");
            }

            lines.Add("},");
        }

        if (api.Envelope is { } envelope)
        {
            lines.Add("Envelope = new global::ProducerGen.ResponseEnvelope");
            lines.Add("{");
            lines.Add($"    CodePath = {Literals.String(envelope.CodePath)},");
            lines.Add($"    SuccessCodes = {Literals.StringArray(envelope.Success)},");
            if (envelope.MessagePaths.Count > 0)
            {
                lines.Add($"    MessagePaths = {Literals.StringArray(envelope.MessagePaths)},");
            }

            lines.Add("},");
        }

        if (api.Errors is { } errors)
        {
            lines.Add("ErrorShape = new global::ProducerGen.ErrorShape");
            lines.Add("{");
            lines.Add($"    MessagePaths = {Literals.StringArray(errors.MessagePaths)},");
            if (errors.CodePath is { } code)
            {
                lines.Add($"    CodePath = {Literals.String(code)},");
            }

            lines.Add("},");
        }

        if (api.Webhooks is { HasSigning: true } webhooks)
        {
            lines.Add("WebhookSigning = new global::ProducerGen.WebhookSigning");
            lines.Add("{");
            foreach (var member in WebhookSigningMembers(webhooks))
            {
                lines.Add("    " + member + ",");
            }

            lines.Add("},");
        }

        return lines;
    }

    private static IEnumerable<string> WebhookSigningMembers(WebhooksSpec webhooks)
    {
        if (webhooks.Scheme is { } scheme)
        {
            var member = scheme switch
            {
                "standard" => "StandardWebhooks",
                "timestamped" => "Timestamped",
                "none" => "None",
                _ => "ApiKeyHmac",
            };
            yield return $"Scheme = global::ProducerGen.WebhookSignatureScheme.{member}";
        }

        if (webhooks.SecretEnv is { } env)
        {
            yield return $"SecretEnvironmentVariable = {Literals.String(env)}";
        }

        if (webhooks.ToleranceMilliseconds is { } tolerance)
        {
            yield return $"Tolerance = global::System.TimeSpan.FromMilliseconds({tolerance.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }

        if (webhooks.TimestampKey is { } timestampKey)
        {
            yield return $"TimestampKey = {Literals.String(timestampKey)}";
        }

        if (webhooks.SignatureKey is { } signatureKey)
        {
            yield return $"SignatureKey = {Literals.String(signatureKey)}";
        }

        if (webhooks.UrlMember is { } urlMember)
        {
            yield return $"UrlMember = {Literals.String(urlMember)}";
        }
    }

    private static IEnumerable<string> JobShapeMembers(JobShapeSpec shape)
    {
        if (shape.IdPath is { } id)
        {
            yield return $"IdPath = {Literals.String(id)}";
        }

        if (shape.StatusPath is { } status)
        {
            yield return $"StatusPath = {Literals.String(status)}";
        }

        if (shape.StatusFromHttp)
        {
            yield return "StatusSource = global::ProducerGen.JobStatusSource.HttpStatus";
        }

        if (shape.ModelPath is { } model)
        {
            yield return $"ModelPath = {Literals.String(model)}";
        }

        if (shape.CreatedAtPath is { } created)
        {
            yield return $"CreatedAtPath = {Literals.String(created)}";
        }

        if (shape.CompletedAtPath is { } completed)
        {
            yield return $"CompletedAtPath = {Literals.String(completed)}";
        }

        if (shape.ProgressPath is { } progress)
        {
            yield return $"ProgressPath = {Literals.String(progress)}";
        }

        if (shape.ProgressFraction)
        {
            yield return "ProgressScale = global::ProducerGen.JobProgressScale.Fraction";
        }

        if (shape.ProgressPattern is { } pattern)
        {
            yield return $"ProgressPattern = {Literals.String(pattern)}";
        }

        if (shape.ResultPath is { } result)
        {
            yield return $"ResultPath = {Literals.String(result)}";
        }
        else if (shape.ContentGet is not null)
        {
            // Outputs come from the content endpoint; a 'result' member the API does not send would only mislead.
            yield return "ResultPath = null";
        }

        if (shape.ResultIsJsonText)
        {
            yield return "ResultIsJsonText = true";
        }

        if (shape.ResultGet is { } resultGet)
        {
            yield return $"ResultRoute = {Literals.String(resultGet.Path)}";
        }

        if (shape.ErrorPath is { } error)
        {
            yield return $"ErrorPath = {Literals.String(error)}";
        }

        if (shape.ErrorCodePath is { } code)
        {
            yield return $"ErrorCodePath = {Literals.String(code)}";
        }

        if (shape.ErrorFailsJob)
        {
            yield return "ErrorFailsJob = true";
        }

        if (shape.StatusUrlPath is { } statusUrl)
        {
            yield return $"StatusUrlPath = {Literals.String(statusUrl)}";
        }

        if (shape.ResultUrlPath is { } resultUrl)
        {
            yield return $"ResultUrlPath = {Literals.String(resultUrl)}";
        }

        if (shape.ContentGet is { } content)
        {
            yield return $"ContentRoute = {Literals.String(content.Path)}";
        }

        if (shape.ContentVariantQuery is { } query)
        {
            yield return $"ContentVariantParameter = {Literals.String(query)}";
            yield return $"ContentVariants = {Literals.StringArray(shape.ContentVariants)}";
        }
    }
}
