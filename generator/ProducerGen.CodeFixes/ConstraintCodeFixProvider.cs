using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProducerGen.Analyzers;

namespace ProducerGen.CodeFixes;

/// <summary>
/// Fixes for the constants <see cref="ConstraintAnalyzer"/> reports: "Clamp to 1" (PG1001), "Round to 0.35" (PG1002),
/// "Truncate to 80 characters" (PG1003, plain string literals only) and "Change to 10" (PG1004).
/// The analyzer computes the replacement and passes it in the diagnostic's properties; this provider only edits syntax.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConstraintCodeFixProvider))]
[Shared]
public sealed class ConstraintCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKeyPrefix = "ProducerGen.";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ValueOutOfRange.Id,
        DiagnosticDescriptors.ValueOffStepGrid.Id,
        DiagnosticDescriptors.StringLengthOutOfRange.Id,
        DiagnosticDescriptors.ValueNotAllowed.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixProperties.Kind, out var kind) || kind is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression
                || expression.Span != diagnostic.Location.SourceSpan)
            {
                continue;
            }

            if (CreateReplacement(kind, diagnostic, expression) is not { } replacement)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    replacement.Title,
                    cancellationToken => ReplaceAsync(document, expression, replacement.Expression, cancellationToken),
                    EquivalenceKeyPrefix + kind),
                diagnostic);
        }
    }

    private static (string Title, ExpressionSyntax Expression)? CreateReplacement(string kind, Diagnostic diagnostic, ExpressionSyntax expression)
    {
        if (kind == FixProperties.Truncate)
        {
            if (expression is not LiteralExpressionSyntax literal
                || !literal.Token.IsKind(SyntaxKind.StringLiteralToken)
                || !diagnostic.Properties.TryGetValue(FixProperties.TruncateLength, out var lengthText)
                || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || literal.Token.ValueText.Length <= length)
            {
                return null;
            }

            var truncated = literal.Token.ValueText.Substring(0, length);
            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(truncated));
            var title = "Truncate to " + length.ToString(CultureInfo.InvariantCulture) + (length == 1 ? " character" : " characters");
            return (title, replacement);
        }

        if (!diagnostic.Properties.TryGetValue(FixProperties.Value, out var value) || value is null
            || !diagnostic.Properties.TryGetValue(FixProperties.Literal, out var literalText) || literalText is null)
        {
            return null;
        }

        var verb = kind switch
        {
            FixProperties.Clamp => "Clamp to ",
            FixProperties.Round => "Round to ",
            FixProperties.Replace => "Change to ",
            _ => null,
        };
        if (verb is null || SyntaxFactory.ParseExpression(literalText) is not { } number || number.ContainsDiagnostics)
        {
            return null;
        }

        return (verb + value, number);
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var newRoot = root.ReplaceNode(expression, replacement.WithTriviaFrom(expression));
        return document.WithSyntaxRoot(newRoot);
    }
}
