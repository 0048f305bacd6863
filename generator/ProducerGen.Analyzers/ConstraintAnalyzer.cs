using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProducerGen.Analyzers;

/// <summary>
/// Reports compile-time constants that a generated member's schema constraints reject (PG1001-PG1006):
/// object initializers, property assignments and <c>with</c> initializers (<see cref="OperationKind.SimpleAssignment"/>),
/// and positional or named constructor and method arguments (<see cref="OperationKind.Argument"/>).
/// The constraints are read from the attributes the generator puts on properties and parameters, so no schema file is needed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ValueOutOfRange,
        DiagnosticDescriptors.ValueOffStepGrid,
        DiagnosticDescriptors.StringLengthOutOfRange,
        DiagnosticDescriptors.ValueNotAllowed,
        DiagnosticDescriptors.ItemCountOutOfRange,
        DiagnosticDescriptors.StringFormatViolated);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Nothing to check in a compilation that cannot see the constraint attributes.
            if (SchemaAttributeTypes.Find(start.Compilation) is not { } types)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeAssignment(c, types), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeArgument(c, types), OperationKind.Argument);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, SchemaAttributeTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.IsRef)
        {
            return;
        }

        switch (assignment.Target)
        {
            case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                Check(context, property.Property, property.Property.Type, assignment.Value, types);
                break;
            case IFieldReferenceOperation field:
                Check(context, field.Field, field.Field.Type, assignment.Value, types);
                break;
            default:
                break;
        }
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, SchemaAttributeTypes types)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter)
        {
            return;
        }

        Check(context, parameter, parameter.Type, argument.Value, types);
    }

    private static void Check(OperationAnalysisContext context, ISymbol target, ITypeSymbol targetType, IOperation value, SchemaAttributeTypes types)
    {
        if (SchemaConstraints.Read(target, types) is not { } constraints)
        {
            return;
        }

        if (constraints.HasItems && ItemCounter.TryCount(value, out var count))
        {
            CheckItems(context, constraints, value, count);
            return;
        }

        if (!ConstantValues.TryGet(value, out var constant) || constant is null)
        {
            return;
        }

        if (constant is string text)
        {
            if (constraints.HasLength)
            {
                CheckLength(context, constraints, value, text);
            }

            if (constraints.Format is { } format && !StringFormatRules.IsValid(format, text))
            {
                // No code fix: nothing in the constant says which UUID, date or address was meant.
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.StringFormatViolated,
                    value.Syntax.GetLocation(),
                    constraints.Name,
                    DisplayText.QuotedString(text),
                    StringFormatRules.Describe(format),
                    DisplayText.SchemaSuffix(constraints)));
            }

            return;
        }

        if (constraints.HasNumeric && ConstantValues.TryGetNumber(constant, out var number, out var display))
        {
            CheckNumber(context, constraints, value, number, display, NumericTargetOf(targetType));
        }
    }

    private static void CheckNumber(OperationAnalysisContext context, SchemaConstraints constraints, IOperation value, double number, string display, NumericTarget? target)
    {
        var min = constraints.Minimum;
        var max = constraints.Maximum;
        var minimum = double.IsNaN(min) ? (double?)null : min;
        var maximum = double.IsNaN(max) ? (double?)null : max;
        var step = constraints.HasStep ? constraints.Step : double.NaN;
        var location = value.Syntax.GetLocation();
        var suffix = DisplayText.SchemaSuffix(constraints);

        var outside = double.IsNaN(number)
            ? constraints.HasRange
            : (minimum.HasValue && number < minimum.Value) || (maximum.HasValue && number > maximum.Value);
        if (outside)
        {
            var properties = double.IsNaN(number)
                ? ImmutableDictionary<string, string?>.Empty
                : Fix(FixProperties.Clamp, StepGrid.Nearest(number, minimum, maximum, step), target);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ValueOutOfRange,
                location,
                properties,
                constraints.Name,
                display,
                DisplayText.RangeViolation(min, max),
                suffix));
        }

        if (!constraints.AllowedValues.IsDefault && !double.IsNaN(number) && !IsAllowed(number, constraints.AllowedValues))
        {
            var properties = constraints.AllowedValues.IsEmpty
                ? ImmutableDictionary<string, string?>.Empty
                : Fix(FixProperties.Replace, NearestAllowed(number, constraints.AllowedValues), target);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ValueNotAllowed,
                location,
                properties,
                constraints.Name,
                display,
                DisplayText.List(constraints.AllowedValues),
                suffix));
        }

        if (!outside && constraints.HasStep && !double.IsNaN(number) && !StepGrid.IsOnGrid(number, minimum, step))
        {
            var nearest = StepGrid.Nearest(number, minimum, maximum, step);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ValueOffStepGrid,
                location,
                Fix(FixProperties.Round, nearest, target),
                constraints.Name,
                display,
                DisplayText.Number(step),
                DisplayText.Number(minimum ?? 0.0),
                DisplayText.Number(nearest),
                suffix));
        }
    }

    private static void CheckLength(OperationAnalysisContext context, SchemaConstraints constraints, IOperation value, string text)
    {
        var length = text.Length;
        bool over;
        int bound;
        if (constraints.MaxLength >= 0 && length > constraints.MaxLength)
        {
            over = true;
            bound = constraints.MaxLength;
        }
        else if (constraints.MinLength >= 0 && length < constraints.MinLength)
        {
            over = false;
            bound = constraints.MinLength;
        }
        else
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (over && IsPlainStringLiteral(value.Syntax))
        {
            // Never cut a surrogate pair in half: the truncated literal would hold a lone surrogate.
            var cut = bound > 0 && char.IsHighSurrogate(text[bound - 1]) ? bound - 1 : bound;
            properties = properties
                .Add(FixProperties.Kind, FixProperties.Truncate)
                .Add(FixProperties.TruncateLength, cut.ToString(CultureInfo.InvariantCulture));
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.StringLengthOutOfRange,
            value.Syntax.GetLocation(),
            properties,
            constraints.Name,
            DisplayText.QuotedString(text),
            DisplayText.Count(length, "character"),
            DisplayText.BoundViolation(over, bound),
            DisplayText.SchemaSuffix(constraints)));
    }

    private static void CheckItems(OperationAnalysisContext context, SchemaConstraints constraints, IOperation value, int count)
    {
        bool over;
        int bound;
        if (constraints.MaxItems >= 0 && count > constraints.MaxItems)
        {
            over = true;
            bound = constraints.MaxItems;
        }
        else if (constraints.MinItems >= 0 && count < constraints.MinItems)
        {
            over = false;
            bound = constraints.MinItems;
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ItemCountOutOfRange,
            value.Syntax.GetLocation(),
            constraints.Name,
            DisplayText.Count(count, "item"),
            DisplayText.BoundViolation(over, bound),
            DisplayText.SchemaSuffix(constraints)));
    }

    private static bool IsPlainStringLiteral(SyntaxNode syntax) =>
        syntax is LiteralExpressionSyntax literal
        && literal.IsKind(SyntaxKind.StringLiteralExpression)
        && literal.Token.IsKind(SyntaxKind.StringLiteralToken);

    private static bool IsAllowed(double number, ImmutableArray<long> allowed)
    {
        foreach (var value in allowed)
        {
            if (number == value)
            {
                return true;
            }
        }

        return false;
    }

    private static double NearestAllowed(double number, ImmutableArray<long> allowed)
    {
        var best = allowed[0];
        foreach (var value in allowed)
        {
            var distance = Math.Abs(number - value);
            var bestDistance = Math.Abs(number - best);
            if (distance < bestDistance || (distance == bestDistance && value < best))
            {
                best = value;
            }
        }

        return best;
    }

    private static ImmutableDictionary<string, string?> Fix(string kind, double value, NumericTarget? target)
    {
        if (target is not { } numeric || double.IsNaN(value) || double.IsInfinity(value)
            || (numeric == NumericTarget.Integer && Math.Abs(value - Math.Round(value)) > 0))
        {
            return ImmutableDictionary<string, string?>.Empty;
        }

        return ImmutableDictionary<string, string?>.Empty
            .Add(FixProperties.Kind, kind)
            .Add(FixProperties.Value, DisplayText.Number(value))
            .Add(FixProperties.Literal, DisplayText.Literal(value, numeric));
    }

    private static NumericTarget? NumericTargetOf(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Double:
                return NumericTarget.Double;
            case SpecialType.System_Single:
                return NumericTarget.Single;
            case SpecialType.System_Decimal:
                return NumericTarget.Decimal;
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return NumericTarget.Integer;
            default:
                return null;
        }
    }
}
