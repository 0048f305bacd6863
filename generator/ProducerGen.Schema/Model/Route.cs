namespace ProducerGen.Schema.Model;

/// <summary>An HTTP method and path, written <c>METHOD /path</c> in the schema.</summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Path">The path, starting with '/'; may contain <c>{id}</c>.</param>
public sealed record Route(string Method, string Path)
{
    /// <inheritdoc />
    public override string ToString() => Method + " " + Path;
}
