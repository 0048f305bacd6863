using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Specs;

/// <summary>A C# enum for a string enum, and its wire-value conversions class.</summary>
/// <param name="Name">The enum's C# name.</param>
/// <param name="ExtensionsName">The static class converting to and from wire values.</param>
/// <param name="WirePath">The JSON path of the member it types, for docs.</param>
/// <param name="Members">The members in schema order.</param>
internal sealed record EnumSpec(string Name, string ExtensionsName, string WirePath, EquatableArray<EnumMemberSpec> Members);

/// <summary>One enum member and the wire value it stands for.</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="WireValue">The value sent on the wire, unchanged.</param>
internal sealed record EnumMemberSpec(string Name, string WireValue);
