using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Emit;

/// <summary>Names of the C# types generated for members: enums, nested objects, array items.</summary>
internal static class TypeNaming
{
    /// <summary>The type that holds the value of <paramref name="member"/>, named after its owner (<c>ProducerModelVersion</c>).</summary>
    public static string NestedName(string ownerPrefix, MemberSpec member) =>
        member.Type.Kind == MemberType.Array ? ownerPrefix + Singular(member.CSharpName) : ownerPrefix + member.CSharpName;

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

    /// <summary>Whether a value of <paramref name="type"/> needs a generated type (string enum or object).</summary>
    public static bool NeedsDeclaration(TypeSpec type) =>
        (type.Kind == MemberType.String && type.IsEnum) || type.Kind == MemberType.Object;

    /// <summary>The C# type of a value; <paramref name="nestedName"/> names the enum/object type if one is needed.</summary>
    public static string CSharpType(TypeSpec type, string nestedName, bool readOnlyCollections = false) => type.Kind switch
    {
        MemberType.String when type.IsEnum => nestedName,
        MemberType.String => "string",
        MemberType.Integer => "long",
        MemberType.Number => "double",
        MemberType.Boolean => "bool",
        MemberType.Url => "global::System.Uri",
        MemberType.Object => nestedName,
        MemberType.Array => (readOnlyCollections ? "global::System.Collections.Generic.IReadOnlyList<" : "global::System.Collections.Generic.IList<")
            + CSharpType(type.Items ?? new TypeSpec(MemberType.String), nestedName, readOnlyCollections) + ">",
        _ => "string",
    };

    /// <summary>Whether the C# type is a value type (and so needs <c>?</c> and <c>.Value</c> when optional).</summary>
    public static bool IsValueType(TypeSpec type) =>
        type.Kind is MemberType.Integer or MemberType.Number or MemberType.Boolean || (type.Kind == MemberType.String && type.IsEnum);
}
