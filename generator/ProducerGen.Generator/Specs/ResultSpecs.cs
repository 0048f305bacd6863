using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Specs;

/// <summary>An endpoint's result view: the base class every model's result derives from.</summary>
/// <param name="Name">The class's C# name (<c>MusicResult</c>).</param>
/// <param name="EndpointName">The endpoint's key, for docs.</param>
/// <param name="Route">The endpoint's submit route as text, for docs.</param>
/// <param name="Properties">The typed members of the job's <c>result</c>.</param>
internal sealed record ResultBaseSpec(string Name, string EndpointName, string Route, EquatableArray<ResultPropertySpec> Properties);

/// <summary>An object type inside a result (an item of <c>tracks</c>).</summary>
/// <param name="Name">The class's C# name.</param>
/// <param name="Summary">Its XML doc summary (plain text).</param>
/// <param name="Properties">Its members.</param>
internal sealed record ResultObjectSpec(string Name, string Summary, EquatableArray<ResultPropertySpec> Properties);

/// <summary>A read-only member of a result view.</summary>
/// <param name="WireName">The member's name in the result JSON.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="DeclaredType">The property's C# type.</param>
/// <param name="ItemType">For arrays, the element's C# type (the empty list's type argument); otherwise null.</param>
/// <param name="ObjectReference">How code inside the declaring class names the innermost object type (qualified when a member of the class has the same name), or null.</param>
/// <param name="Type">The value type, without nested properties.</param>
/// <param name="Summary">Its XML doc summary (plain text).</param>
internal sealed record ResultPropertySpec(string WireName, string Name, string DeclaredType, string? ItemType, string? ObjectReference, TypeSpec Type, string Summary);

/// <summary>A model's typed result: a class deriving from its endpoint's result view.</summary>
/// <param name="Name">The class's C# name (<c>ProducerResult</c>).</param>
/// <param name="BaseName">The endpoint result it derives from.</param>
/// <param name="ModelId">The model's id, for docs.</param>
internal sealed record ModelResultSpec(string Name, string BaseName, string ModelId);
