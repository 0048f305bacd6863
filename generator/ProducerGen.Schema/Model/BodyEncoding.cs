namespace ProducerGen.Schema.Model;

/// <summary>How a submission body is encoded (<c>endpoints.&lt;e&gt;.encoding</c>).</summary>
public enum BodyEncoding
{
    /// <summary>One JSON object (<c>application/json</c>); the default.</summary>
    Json,

    /// <summary><c>multipart/form-data</c>: one part per set member, files as file parts.</summary>
    Multipart,
}
