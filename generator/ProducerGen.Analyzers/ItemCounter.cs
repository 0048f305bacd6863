using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProducerGen.Analyzers;

/// <summary>
/// The number of items of an array or collection literal: <c>new[] { a, b }</c>, <c>new T[3]</c>,
/// <c>new List&lt;T&gt; { a, b }</c> and collection expressions <c>[a, b]</c>. Anything else (a variable, a spread,
/// a collection built from arguments) cannot be counted and is skipped.
/// </summary>
internal static class ItemCounter
{
    public static bool TryCount(IOperation value, out int count)
    {
        var operation = value;
        while (operation is IConversionOperation { OperatorMethod: null } conversion)
        {
            operation = conversion.Operand;
        }

        switch (operation)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                count = initializer.ElementValues.Length;
                return true;
            case IArrayCreationOperation array when array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int size }:
                count = size;
                return true;
            case IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: { } initializer } when IsCollectionInitializer(initializer):
                count = initializer.Initializers.Length;
                return true;
            default:
                break;
        }

        // Roslyn 4.8 has no IOperation for collection expressions (later compilers expose one this assembly cannot name),
        // so count their elements from syntax; a spread element makes the count unknown.
        if (value.Syntax is CollectionExpressionSyntax collection)
        {
            foreach (var element in collection.Elements)
            {
                if (element is not ExpressionElementSyntax)
                {
                    count = 0;
                    return false;
                }
            }

            count = collection.Elements.Count;
            return true;
        }

        count = 0;
        return false;
    }

    private static bool IsCollectionInitializer(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var element in initializer.Initializers)
        {
            if (element is not (IInvocationOperation or IDynamicInvocationOperation))
            {
                return false;
            }
        }

        return true;
    }
}
