using System.Threading.Tasks;
using Xunit;

namespace ProducerGen.Analyzers.Tests.Analyzer;

/// <summary>PG1005: array and collection literals over maxItems or under minItems.</summary>
public class ItemsTests
{
    private const string Schema = " (schema apiframe-music.producergen.yaml)";

    [Fact]
    public async Task ArrayCreation()
    {
        await Verify.AnalyzerAsync("""
            using System;
            using Apiframe;
            class C
            {
                void M(ProducerParams p, Uri a)
                {
                    p.ReferenceImages = new[] { a, a, a };
                    p.ReferenceImages = new Uri[] { a };
                    p.ReferenceImages = {|#0:new[] { a, a, a, a }|};
                    p.ReferenceImages = {|#1:new Uri[0]|};
                    p.ReferenceImages = {|#2:new Uri[] { }|};
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ItemCountOutOfRange).WithLocation(0).WithMessage("reference_images has 4 items, over the maximum of 3" + Schema),
            Verify.Diagnostic(DiagnosticDescriptors.ItemCountOutOfRange).WithLocation(1).WithMessage("reference_images has 0 items, under the minimum of 1" + Schema),
            Verify.Diagnostic(DiagnosticDescriptors.ItemCountOutOfRange).WithLocation(2).WithMessage("reference_images has 0 items, under the minimum of 1" + Schema));
    }

    [Fact]
    public async Task CollectionInitializer()
    {
        await Verify.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using Apiframe;
            class C
            {
                void M(ProducerParams p, Uri a)
                {
                    p.ReferenceImages = new List<Uri> { a, a };
                    p.ReferenceImages = {|#0:new List<Uri> { a, a, a, a }|};
                    p.ReferenceImages = {|#1:new List<Uri>() { }|};
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ItemCountOutOfRange).WithLocation(0).WithMessage("reference_images has 4 items, over the maximum of 3" + Schema),
            Verify.Diagnostic(DiagnosticDescriptors.ItemCountOutOfRange).WithLocation(1).WithMessage("reference_images has 0 items, under the minimum of 1" + Schema));
    }

    [Fact]
    public async Task CollectionExpression()
    {
        await Verify.AnalyzerAsync("""
            using System;
            using Apiframe;
            class C
            {
                void M(ProducerParams p, Uri a, Uri[] more)
                {
                    p.ReferenceImages = [a];
                    p.ReferenceImages = {|#0:[a, a, a, a, a]|};
                    p.ReferenceImages = {|#1:[]|};
                    p.ReferenceImages = [a, a, a, a, .. more];
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ItemCountOutOfRange).WithLocation(0).WithMessage("reference_images has 5 items, over the maximum of 3" + Schema),
            Verify.Diagnostic(DiagnosticDescriptors.ItemCountOutOfRange).WithLocation(1).WithMessage("reference_images has 0 items, under the minimum of 1" + Schema));
    }

    [Fact]
    public async Task ConstructorArgument()
    {
        await Verify.AnalyzerAsync("""
            using Apiframe;
            class C
            {
                ImageParams A() => new ImageParams(50, new[] { "a", "b" });
                ImageParams B() => new ImageParams(50, {|#0:new[] { "a", "b", "c" }|});
                ImageParams D() => new ImageParams(Tags: {|#1:new string[] { "a", "b", "c" }|}, Quality: 50);
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ItemCountOutOfRange).WithLocation(0).WithMessage("tags has 3 items, over the maximum of 2 (schema apiframe-image.producergen.yaml)"),
            Verify.Diagnostic(DiagnosticDescriptors.ItemCountOutOfRange).WithLocation(1).WithMessage("tags has 3 items, over the maximum of 2 (schema apiframe-image.producergen.yaml)"));
    }

    [Fact]
    public async Task UncountableValuesAreSkipped()
    {
        await Verify.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Apiframe;
            class C
            {
                void M(ProducerParams p, Uri a, List<Uri> existing)
                {
                    p.ReferenceImages = Array.Empty<Uri>();
                    p.ReferenceImages = existing;
                    p.ReferenceImages = new List<Uri>();
                    p.ReferenceImages = new List<Uri>(existing) { a, a, a, a };
                    p.ReferenceImages = Enumerable.Repeat(a, 10).ToList();
                    p.ReferenceImages = null;
                }
            }
            """);
    }
}
