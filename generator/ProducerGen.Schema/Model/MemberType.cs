namespace ProducerGen.Schema.Model;

/// <summary>The value types a schema member may have.</summary>
public enum MemberType
{
    /// <summary>Text; accepts minLength, maxLength, pattern, enum.</summary>
    String,

    /// <summary>A whole number; accepts min, max, step, enum.</summary>
    Integer,

    /// <summary>A floating-point number; accepts min, max, step.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>An absolute http or https URI.</summary>
    Url,

    /// <summary>A list; accepts items, minItems, maxItems.</summary>
    Array,

    /// <summary>A nested object; accepts properties.</summary>
    Object,

    /// <summary>A file sent as a file part of a multipart body (name, content type, bytes); accepts no constraints.</summary>
    File,

    /// <summary>Opaque JSON (answers only: <c>types:</c> members), read as a JSON element.</summary>
    Json,
}
