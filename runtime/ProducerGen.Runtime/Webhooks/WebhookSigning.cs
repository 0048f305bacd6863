using System;

namespace ProducerGen;

/// <summary>
/// What the schema's <c>api.webhooks</c> says about signing beyond the two headers of <see cref="ApiDescription"/>: the scheme, where its
/// secret comes from, the timestamp tolerance and the header names. Generated only for schemas that set one of these keys.
/// </summary>
public sealed class WebhookSigning
{
    /// <summary>The default <see cref="Tolerance"/>: five minutes either side of now, as Standard Webhooks recommends.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The Standard Webhooks id header.</summary>
    public const string StandardIdHeader = "webhook-id";

    /// <summary>The Standard Webhooks timestamp header.</summary>
    public const string StandardTimestampHeader = "webhook-timestamp";

    /// <summary>The Standard Webhooks signature header.</summary>
    public const string StandardSignatureHeader = "webhook-signature";

    /// <summary>The scheme. Default <see cref="WebhookSignatureScheme.ApiKeyHmac"/>.</summary>
    public WebhookSignatureScheme Scheme { get; init; }

    /// <summary>The environment variable holding the signing secret (several separated by spaces, for rotation), or <see langword="null"/>.</summary>
    public string? SecretEnvironmentVariable { get; init; }

    /// <summary>How far a delivery's timestamp may be from now, either way. Default <see cref="DefaultTolerance"/>.</summary>
    public TimeSpan Tolerance { get; init; } = DefaultTolerance;

    /// <summary>In a <see cref="WebhookSignatureScheme.Timestamped"/> header, the name of the timestamp part. Default <c>t</c>.</summary>
    public string TimestampKey { get; init; } = "t";

    /// <summary>In a <see cref="WebhookSignatureScheme.Timestamped"/> header, the name of each signature part. Default <c>v1</c>.</summary>
    public string SignatureKey { get; init; } = "v1";

    /// <summary>The body member that carries the webhook URL in a submission (<c>webhookUrl</c>), or <see langword="null"/> when not declared.</summary>
    public string? UrlMember { get; init; }
}
