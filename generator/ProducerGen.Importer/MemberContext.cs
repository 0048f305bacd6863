namespace ProducerGen.Importer;

/// <summary>Where a mapped member goes, which decides the few rules that differ between the sections.</summary>
internal enum MemberContext
{
    /// <summary>A generate endpoint's field or a model's param (the rules of format version 1 before operations).</summary>
    Generate,

    /// <summary>An operation's path parameter, query parameter or body member: files, boolean flags and literal grids.</summary>
    Request,

    /// <summary>A member of an answer type: null means absent, any shape is <c>json</c>, extra members are ignored.</summary>
    Answer,
}
