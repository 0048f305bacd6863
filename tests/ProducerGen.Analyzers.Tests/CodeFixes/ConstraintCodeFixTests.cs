using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using ProducerGen.CodeFixes;
using Xunit;

namespace ProducerGen.Analyzers.Tests.CodeFixes;

/// <summary>"Clamp to", "Round to", "Truncate to ... characters" and "Change to", one at a time and all at once.</summary>
public class ConstraintCodeFixTests
{
    private const string Schema = " (schema apiframe-music.producergen.yaml)";

    [Fact]
    public async Task ClampToMaximum()
    {
        var test = Verify.CodeFixTest("""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = {|#0:1.5|} };
            }
            """, """
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = 1 };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithMessage("weirdness = 1.5 is outside 0..1" + Schema));
        test.CodeActionEquivalenceKey = "ProducerGen.PG1001.Clamp";
        await test.RunAsync();
    }

    [Fact]
    public async Task ClampNegativeCastAndConstToTheNearestBound()
    {
        await Verify.CodeFixAsync("""
            using Apiframe;
            class C
            {
                const double TooLow = -3;
                void M(ProducerParams p)
                {
                    p.PitchShift = {|#0:-20|};
                    p.SoundStrength = {|#1:(double)0|};
                    p.Weirdness = {|#2:TooLow|};
                    p.MusicLengthMs = {|#3:1_000_000|};
                }
            }
            """, """
            using Apiframe;
            class C
            {
                const double TooLow = -3;
                void M(ProducerParams p)
                {
                    p.PitchShift = -12;
                    p.SoundStrength = 0.2;
                    p.Weirdness = 0;
                    p.MusicLengthMs = 300000;
                }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithMessage("pitch_shift = -20 is outside -12..12" + Schema),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(1).WithMessage("sound_strength = 0 is outside 0.2..1" + Schema),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(2).WithMessage("weirdness = -3 is outside 0..1" + Schema),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(3).WithMessage("music_length_ms = 1000000 is outside 5000..300000" + Schema));
    }

    [Fact]
    public async Task ClampInConstructorArguments()
    {
        await Verify.CodeFixAsync("""
            using Apiframe;
            class C
            {
                ProducerRequest R() => new ProducerRequest("a track", weirdness: {|#0:7.5|});
                ImageParams I() => new ImageParams({|#1:0|});
            }
            """, """
            using Apiframe;
            class C
            {
                ProducerRequest R() => new ProducerRequest("a track", weirdness: 1);
                ImageParams I() => new ImageParams(1);
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(0).WithMessage("weirdness = 7.5 is outside 0..1" + Schema),
            Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(1).WithMessage("quality = 0 is outside 1..100 (schema apiframe-image.producergen.yaml)"));
    }

    [Fact]
    public async Task RoundToTheNearestGridValue()
    {
        var test = Verify.CodeFixTest("""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = {|#0:0.33|} };
            }
            """, """
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Weirdness = 0.35 };
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.ValueOffStepGrid).WithLocation(0)
                .WithMessage("weirdness = 0.33 is off the 0.05 step grid starting at 0; the nearest allowed value is 0.35" + Schema));
        test.CodeActionEquivalenceKey = "ProducerGen.PG1002.Round";
        await test.RunAsync();
    }

    [Fact]
    public async Task RoundStaysWithinTheRangeAndOnANegativeGrid()
    {
        await Verify.CodeFixAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p, VideoParams v)
                {
                    p.PitchShift = {|#0:-3.3|};
                    p.SoundStrength = {|#1:0.99|};
                    _ = v with { Strength = {|#2:0.1 + 0.2 + 0.04|} };
                }
            }
            """, """
            using Apiframe;
            class C
            {
                void M(ProducerParams p, VideoParams v)
                {
                    p.PitchShift = -3.5;
                    p.SoundStrength = 1;
                    _ = v with { Strength = 0.3 };
                }
            }
            """,
            OffGrid(0, "pitch_shift = -3.3", "0.5", "-12", "-3.5"),
            OffGrid(1, "sound_strength = 0.99", "0.05", "0.2", "1"),
            OffGrid(2, "strength = 0.34", "0.1", "0", "0.3", " (schema apiframe-video.producergen.yaml)"));
    }

    [Fact]
    public async Task TruncatePlainStringLiteral()
    {
        var longTitle = new string('a', 70) + "0123456789" + "TAIL";
        var test = Verify.CodeFixTest($$"""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Title = {|#0:"{{longTitle}}"|} };
            }
            """, $$"""
            using Apiframe;
            class C
            {
                ProducerParams M() => new ProducerParams { Title = "{{longTitle.Substring(0, 80)}}" };
            }
            """,
            TooLong(0, 'a', 84));
        test.CodeActionEquivalenceKey = "ProducerGen.PG1003.Truncate";
        await test.RunAsync();
    }

    [Fact]
    public async Task TruncateKeepsEscapesAndNeverSplitsASurrogatePair()
    {
        // 79 'a' then an emoji (2 code units): cutting at 80 would split the pair, so the fix keeps 79.
        var a79 = new string('a', 79);
        await Verify.CodeFixAsync($$""""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Title = {|#0:"{{a79}}\U0001F3B5 and more"|};
                    p.Title = {|#1:@"{{new string('b', 78)}}""quoted"""|};
                }
            }
            """", $$""""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Title = "{{a79}}";
                    p.Title = "{{new string('b', 78)}}\"q";
                }
            }
            """",
            TooLong(0, 'a', 90),
            TooLong(1, 'b', 86));
    }

    [Fact]
    public async Task NoTruncationForConstantsOrUnderMinimum()
    {
        var ninety = new string('x', 90);
        var test = Verify.CodeFixTest($$"""
            using Apiframe;
            class C
            {
                const string Long = "{{ninety}}";
                void M(ProducerParams p, ProducerRequest r)
                {
                    p.Title = {|#0:Long|};
                    r.Prompt = {|#1:""|};
                }
            }
            """, $$"""
            using Apiframe;
            class C
            {
                const string Long = "{{ninety}}";
                void M(ProducerParams p, ProducerRequest r)
                {
                    p.Title = {|#0:Long|};
                    r.Prompt = {|#1:""|};
                }
            }
            """,
            TooLong(0, 'x', 90),
            Verify.Diagnostic(DiagnosticDescriptors.StringLengthOutOfRange).WithLocation(1).WithMessage("prompt = \"\" is 0 characters long, under the minimum of 1" + Schema));
        test.FixedState.ExpectedDiagnostics.AddRange(test.TestState.ExpectedDiagnostics);
        await test.RunAsync();
    }

    [Fact]
    public async Task ChangeToNearestAllowedValue()
    {
        await Verify.CodeFixAsync("""
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Duration = {|#0:7|};
                    p.Duration = {|#1:8|};
                    p.Duration = {|#2:-1|};
                }
            }
            """, """
            using Apiframe;
            class C
            {
                void M(ProducerParams p)
                {
                    p.Duration = 5;
                    p.Duration = 10;
                    p.Duration = 5;
                }
            }
            """,
            NotAllowed(0, "7"),
            NotAllowed(1, "8"),
            NotAllowed(2, "-1"));
    }

    [Fact]
    public async Task FixAllInDocumentAppliesEveryFixOfOneKind()
    {
        var test = Verify.CodeFixTest("""
            using Apiframe;
            class C
            {
                ProducerParams A() => new ProducerParams { Weirdness = {|#0:1.5|}, SoundStrength = {|#1:0.1|}, PitchShift = {|#2:13|} };
                ProducerParams B() => new ProducerParams { Weirdness = {|#3:-0.5|}, MusicLengthMs = {|#4:10|} };
                ProducerRequest R() => new ProducerRequest("x", {|#5:2|});
            }
            """, """
            using Apiframe;
            class C
            {
                ProducerParams A() => new ProducerParams { Weirdness = 1, SoundStrength = 0.2, PitchShift = 12 };
                ProducerParams B() => new ProducerParams { Weirdness = 0, MusicLengthMs = 5000 };
                ProducerRequest R() => new ProducerRequest("x", 1);
            }
            """,
            Outside(0, "weirdness = 1.5", "0..1"),
            Outside(1, "sound_strength = 0.1", "0.2..1"),
            Outside(2, "pitch_shift = 13", "-12..12"),
            Outside(3, "weirdness = -0.5", "0..1"),
            Outside(4, "music_length_ms = 10", "5000..300000"),
            Outside(5, "weirdness = 2", "0..1"));
        test.CodeActionEquivalenceKey = "ProducerGen.PG1001.Clamp";
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAllOfOneKindLeavesTheOtherKinds()
    {
        var test = Verify.CodeFixTest("""
            using Apiframe;
            class C
            {
                ProducerParams A() => new ProducerParams { Weirdness = {|#0:0.33|}, SoundStrength = {|#1:0.42|}, Title = "ok" };
                ProducerParams B() => new ProducerParams { Weirdness = {|#2:1.5|}, PitchShift = {|#3:0.2|} };
            }
            """, """
            using Apiframe;
            class C
            {
                ProducerParams A() => new ProducerParams { Weirdness = 0.35, SoundStrength = 0.4, Title = "ok" };
                ProducerParams B() => new ProducerParams { Weirdness = {|#2:1.5|}, PitchShift = 0 };
            }
            """,
            OffGrid(0, "weirdness = 0.33", "0.05", "0", "0.35"),
            OffGrid(1, "sound_strength = 0.42", "0.05", "0.2", "0.4"),
            Outside(2, "weirdness = 1.5", "0..1"),
            OffGrid(3, "pitch_shift = 0.2", "0.5", "-12", "0"));
        test.FixedState.ExpectedDiagnostics.Add(Outside(2, "weirdness = 1.5", "0..1"));
        test.CodeActionEquivalenceKey = "ProducerGen.PG1002.Round";
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfIncrementalIterations = 3;
        await test.RunAsync();
    }

    [Fact]
    public void ProviderDeclaresItsIdsAndFixAllInEveryScope()
    {
        var provider = new ConstraintCodeFixProvider();
        Assert.Equal(new[] { "PG1001", "PG1002", "PG1003", "PG1004" }, provider.FixableDiagnosticIds.ToArray());
        var scopes = provider.GetFixAllProvider().GetSupportedFixAllScopes();
        Assert.Contains(FixAllScope.Document, scopes);
        Assert.Contains(FixAllScope.Project, scopes);
        Assert.Contains(FixAllScope.Solution, scopes);
    }

    [Fact]
    public async Task ItemCountHasNoFix()
    {
        var test = Verify.CodeFixTest("""
            using System;
            using Apiframe;
            class C
            {
                void M(ProducerParams p, Uri a) => p.ReferenceImages = {|#0:new[] { a, a, a, a }|};
            }
            """, """
            using System;
            using Apiframe;
            class C
            {
                void M(ProducerParams p, Uri a) => p.ReferenceImages = {|#0:new[] { a, a, a, a }|};
            }
            """,
            TooMany(0));
        test.FixedState.ExpectedDiagnostics.Add(TooMany(0));
        await test.RunAsync();
    }

    private static DiagnosticResult Outside(int location, string assignment, string range) =>
        Verify.Diagnostic(DiagnosticDescriptors.ValueOutOfRange).WithLocation(location).WithMessage($"{assignment} is outside {range}{Schema}");

    private static DiagnosticResult OffGrid(int location, string assignment, string step, string start, string nearest, string schema = Schema) =>
        Verify.Diagnostic(DiagnosticDescriptors.ValueOffStepGrid).WithLocation(location)
            .WithMessage($"{assignment} is off the {step} step grid starting at {start}; the nearest allowed value is {nearest}{schema}");

    private static DiagnosticResult TooLong(int location, char repeated, int length) =>
        Verify.Diagnostic(DiagnosticDescriptors.StringLengthOutOfRange).WithLocation(location)
            .WithMessage($"title = \"{new string(repeated, 40)}\"... is {length} characters long, over the maximum of 80{Schema}");

    private static DiagnosticResult NotAllowed(int location, string value) =>
        Verify.Diagnostic(DiagnosticDescriptors.ValueNotAllowed).WithLocation(location)
            .WithMessage($"duration = {value} is not one of the allowed values 5, 10{Schema}");

    private static DiagnosticResult TooMany(int location) =>
        Verify.Diagnostic(DiagnosticDescriptors.ItemCountOutOfRange).WithLocation(location)
            .WithMessage($"reference_images has 4 items, over the maximum of 3{Schema}");
}
