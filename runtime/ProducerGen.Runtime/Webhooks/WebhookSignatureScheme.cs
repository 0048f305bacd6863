namespace ProducerGen;

/// <summary>How a provider signs its webhook deliveries; the schema's <c>api.webhooks.scheme</c>.</summary>
public enum WebhookSignatureScheme
{
    /// <summary>
    /// <c>api-key-hmac</c> (the default): the signature header holds <c>sha256=&lt;hex&gt;</c>, HMAC-SHA256 of the raw body keyed with
    /// SHA-256 of the API key. It carries no timestamp or id, so replays are caught only by the deduplication store.
    /// </summary>
    ApiKeyHmac = 0,

    /// <summary>
    /// <c>standard</c>: Standard Webhooks (https://www.standardwebhooks.com): headers <c>webhook-id</c>, <c>webhook-timestamp</c> and
    /// <c>webhook-signature: v1,&lt;base64&gt; …</c>, HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c> keyed with the base64 secret after <c>whsec_</c>.
    /// </summary>
    StandardWebhooks,

    /// <summary>
    /// <c>timestamped</c>: one header <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;…]</c>, HMAC-SHA256 over <c>{t}.{body}</c> keyed with the
    /// secret's UTF-8 bytes. The names <c>t</c> and <c>v1</c> are configurable.
    /// </summary>
    Timestamped,

    /// <summary><c>none</c>: the provider does not sign deliveries; every delivery is accepted as it is.</summary>
    None,
}
