namespace ProducerGen.Schema.Model;

/// <summary>The <c>format:</c> of a string member: a well-known shape its value must have.</summary>
public enum MemberFormat
{
    /// <summary>No format: any text.</summary>
    None,

    /// <summary><c>uuid</c>: 32 hex digits grouped 8-4-4-4-12 with hyphens (RFC 9562).</summary>
    Uuid,

    /// <summary><c>date-time</c>: an RFC 3339 timestamp with a time-zone offset (<c>2026-01-31T12:00:00Z</c>).</summary>
    DateTime,

    /// <summary><c>uri</c>: an absolute URI of any scheme (RFC 3986).</summary>
    Uri,

    /// <summary><c>email</c>: an e-mail address (<c>local@domain.tld</c>).</summary>
    Email,
}
