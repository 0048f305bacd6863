using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Naming;

/// <summary>Names and C# types of the values members hold: enums, nested objects, array items, result views.</summary>
internal static class TypeNaming
{
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList<";

    /// <summary>The type that holds a member's values, named after its owner (<c>ProducerModelVersion</c>; singular for arrays).</summary>
    public static string NestedName(string ownerPrefix, MemberType kind, string memberName) =>
        kind == MemberType.Array ? ownerPrefix + Singular(memberName) : ownerPrefix + memberName;

    /// <summary>"Tracks" → "Track", "Images" → "Image", "Status" stays; good enough for type names.</summary>
    public static string Singular(string name)
    {
        if (name.EndsWith("ies", System.StringComparison.Ordinal) && name.Length > 3)
        {
            return name.Substring(0, name.Length - 3) + "y";
        }

        if (name.EndsWith("s", System.StringComparison.Ordinal) && !name.EndsWith("ss", System.StringComparison.Ordinal) && !name.EndsWith("us", System.StringComparison.Ordinal) && name.Length > 1)
        {
            return name.Substring(0, name.Length - 1);
        }

        return name + "Item";
    }

    /// <summary>The C# type of a request-side value; <paramref name="nestedName"/> names the enum/object type if one is needed.</summary>
    public static string CSharpType(TypeSpec type, string nestedName) => type.Kind switch
    {
        MemberType.String when type.IsEnum => nestedName,
        MemberType.String => "string",
        MemberType.Integer => "long",
        MemberType.Number => "double",
        MemberType.Boolean => "bool",
        MemberType.Url => "global::System.Uri",
        MemberType.Object => nestedName,
        MemberType.File => "global::ProducerGen.FileUpload",
        MemberType.Array => "global::System.Collections.Generic.IList<" + CSharpType(type.Items ?? new TypeSpec(MemberType.String), nestedName) + ">",
        _ => "string",
    };

    /// <summary>Result members are nullable scalars, read-only lists (empty when absent) or nested objects.</summary>
    public static string ResultType(TypeSpec type, string nestedName) => type.Kind switch
    {
        MemberType.Array => ReadOnlyList + ResultItemType(type.Items ?? new TypeSpec(MemberType.String), nestedName) + ">",
        MemberType.Object => nestedName + "?",
        _ => ResultScalarType(type) + "?",
    };

    /// <summary>The element type of a result list.</summary>
    public static string ResultItemType(TypeSpec type, string nestedName) => type.Kind switch
    {
        MemberType.Object => nestedName,
        MemberType.Array => ResultType(type, nestedName),
        _ => ResultScalarType(type) + "?",
    };

    // Result enums stay strings: a newer server may send a value this client has never seen.
    private static string ResultScalarType(TypeSpec type) => type.Kind switch
    {
        MemberType.Integer => "long",
        MemberType.Number => "double",
        MemberType.Boolean => "bool",
        MemberType.Url => "global::System.Uri",
        MemberType.Json => "global::System.Text.Json.JsonElement",
        _ => "string",
    };
}
