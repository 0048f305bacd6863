namespace ProducerGen;

/// <summary>The schema's string formats (<c>format:</c>), checked by <see cref="ConstraintChecks.Format(System.Collections.Generic.List{ValidationError}, string, string, StringFormat)"/> and the analyzer.</summary>
public enum StringFormat
{
    /// <summary><c>uuid</c>: 32 hex digits grouped 8-4-4-4-12 with hyphens (<c>3f2504e0-4f89-11d3-9a0c-0305e82c3301</c>).</summary>
    Uuid = 1,

    /// <summary><c>date-time</c>: an RFC 3339 timestamp with a time-zone offset (<c>2026-01-31T12:00:00Z</c>).</summary>
    DateTime = 2,

    /// <summary><c>uri</c>: an absolute URI of any scheme (<c>urn:isbn:0451450523</c>, <c>s3://bucket/key</c>).</summary>
    Uri = 3,

    /// <summary><c>email</c>: an e-mail address (<c>name@example.com</c>).</summary>
    Email = 4,
}
