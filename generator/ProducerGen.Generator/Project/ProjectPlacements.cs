using ProducerGen.Schema.Model;

namespace ProducerGen.Generator.Project;

/// <summary>Where each schema file's outputs go in the project: a unique hint prefix, or nothing when it clashes with another file.</summary>
/// <param name="Files">One placement per schema file, in project order.</param>
internal sealed record ProjectPlacements(EquatableArray<FilePlacement> Files)
{
    /// <summary>The placement of the file at <paramref name="path"/>, or null.</summary>
    public FilePlacement? Find(string path)
    {
        foreach (var file in Files)
        {
            if (file.Path == path)
            {
                return file;
            }
        }

        return null;
    }
}

/// <summary>One schema file's place in the project.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="HintPrefix">Its hint-name prefix, unique in the project case-insensitively (file systems may ignore case).</param>
/// <param name="Suppressed">True when the file would declare a type another file already declares: it emits nothing.</param>
internal sealed record FilePlacement(string Path, string HintPrefix, bool Suppressed);
