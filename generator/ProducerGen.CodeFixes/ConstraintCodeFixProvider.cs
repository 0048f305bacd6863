using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
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
/// Each fix's equivalence key is <c>ProducerGen.{id}.{kind}</c> (e.g. <c>ProducerGen.PG1001.Clamp</c>), and Fix All
/// (document, project, solution; the IDE and <c>dotnet format analyzers</c>) applies every diagnostic's own fix in one pass.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConstraintCodeFixProvider))]
[Shared]
public sealed class ConstraintCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKeyPrefix = "ProducerGen.";

    private static readonly FixAllProvider FixAll = FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ValueOutOfRange.Id,
        DiagnosticDescriptors.ValueOffStepGrid.Id,
        DiagnosticDescriptors.StringLengthOutOfRange.Id,
        DiagnosticDescriptors.ValueNotAllowed.Id);

    /// <summary>
    /// Not <see cref="WellKnownFixAllProviders.BatchFixer"/>: it keeps only the actions whose equivalence key equals the
    /// one Fix All was started with, and <c>dotnet format</c> starts it, for each diagnostic id in turn, with the key of the
    /// first diagnostic its analysis found, whatever that diagnostic's id (ConstraintAnalyzer reports several). Fixing
    /// PG1002 with the key of a PG1001 "Clamp" then found nothing: "didn't return a Fix All action".
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAll;

    /// <summary>The equivalence key of the fix of <paramref name="kind"/> for diagnostic <paramref name="diagnosticId"/>.</summary>
    public static string EquivalenceKey(string diagnosticId, string kind) => EquivalenceKeyPrefix + diagnosticId + "." + kind;

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
            if (FindFix(root, diagnostic) is not { } fix)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    fix.Title,
                    cancellationToken => ReplaceAsync(document, fix.Target, fix.Replacement, cancellationToken),
                    fix.EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// Fix All in one document. The diagnostics are those of the ids Fix All was started for. The key narrows them to one
    /// kind of fix when it is the key of one of those ids (the IDE's "Fix all 'Clamp to 1'"); a key of another id, or none,
    /// as <c>dotnet format</c> passes, narrows nothing. Every diagnostic has at most one fix, so there is nothing to choose.
    /// </summary>
    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || diagnostics.IsEmpty)
        {
            return document;
        }

        var key = context.CodeActionEquivalenceKey;
        var keyNarrows = key is not null && context.DiagnosticIds.Any(id => key.StartsWith(EquivalenceKeyPrefix + id + ".", StringComparison.Ordinal));
        var replacements = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (context.DiagnosticIds.Contains(diagnostic.Id) && FindFix(root, diagnostic) is { } fix && (!keyNarrows || fix.EquivalenceKey == key) && !replacements.ContainsKey(fix.Target))
            {
                replacements.Add(fix.Target, fix.Replacement);
            }
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original].WithTriviaFrom(original));
        return document.WithSyntaxRoot(newRoot);
    }

    private static Fix? FindFix(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(FixProperties.Kind, out var kind) || kind is null
            || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression
            || expression.Span != diagnostic.Location.SourceSpan
            || CreateReplacement(kind, diagnostic, expression) is not { } replacement)
        {
            return null;
        }

        return new Fix(expression, replacement.Expression, replacement.Title, EquivalenceKey(diagnostic.Id, kind));
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

    private sealed class Fix
    {
        public Fix(ExpressionSyntax target, ExpressionSyntax replacement, string title, string equivalenceKey)
        {
            Target = target;
            Replacement = replacement;
            Title = title;
            EquivalenceKey = equivalenceKey;
        }

        public ExpressionSyntax Target { get; }

        public ExpressionSyntax Replacement { get; }

        public string Title { get; }

        public string EquivalenceKey { get; }
    }
}
