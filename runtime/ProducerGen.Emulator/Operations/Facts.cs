namespace ProducerGen.Emulator.Operations;

/// <summary>What the emulator knows about one answer object, by member name (see <see cref="FactWriter"/>).</summary>
internal sealed class Facts : Dictionary<string, object?>
{
    public Facts()
        : base(StringComparer.Ordinal)
    {
    }
}
