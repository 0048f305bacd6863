using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Emit;

/// <summary>What the printed code must do for a kind of value; no names are decided here.</summary>
internal static class ValueKinds
{
    /// <summary>Whether the C# type is a value type (and so needs <c>?</c> and <c>.Value</c> when optional).</summary>
    public static bool IsValueType(TypeSpec type) =>
        type.Kind is MemberType.Integer or MemberType.Number or MemberType.Boolean || (type.Kind == MemberType.String && type.IsEnum);
}
