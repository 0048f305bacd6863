using ProducerGen.Generator.Planning;

namespace ProducerGen.Generator.Emit;

/// <summary>
/// Prints an answer type's file (<c>types:</c>): a class read tolerantly from an operation's answer (a missing or
/// mistyped member reads as null, an unknown enum value stays a string), and the classes of its object members.
/// </summary>
internal static class AnswerTypeEmitter
{
    public static string Emit(AnswerTypeUnit unit)
    {
        var writer = GeneratedCode.StartFile(unit.Context.Namespace);
        EndpointEmitter.EmitResultObject(writer, unit.File.Root);
        foreach (var objectSpec in unit.File.Objects)
        {
            EndpointEmitter.EmitResultObject(writer, objectSpec);
        }

        return GeneratedCode.EndFile(writer);
    }
}
