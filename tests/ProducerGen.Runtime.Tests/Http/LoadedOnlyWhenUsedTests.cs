using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ProducerGen.Runtime.Tests;

/// <summary>
/// Issue 20 target 4: what only some requests need is not loaded by all of them. Measured with <c>/proc/PID/smaps</c>, the regex
/// engine (built when a class holding regexes was initialized, which the JIT may do when it recompiles a hot validator) cost every
/// process resident memory; these tests keep the regexes where only their users reach them.
/// </summary>
public class LoadedOnlyWhenUsedTests
{
    [Theory]
    [InlineData(typeof(ConstraintChecks))]
    [InlineData(typeof(StringFormatRules))]
    [InlineData(typeof(JobReader))]
    public void Hot_types_hold_no_regex_of_their_own(Type type)
    {
        var fields = type.GetFields(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.DoesNotContain(fields, f => MentionsRegex(f.FieldType));
    }

    [Fact]
    public void The_string_formats_still_use_their_patterns()
    {
        Assert.True(StringFormatRules.IsValid("date-time", "2026-01-31T12:00:00Z"));
        Assert.False(StringFormatRules.IsValid("date-time", "2026-01-31 12:00"));
        Assert.False(StringFormatRules.IsValid("uri", "/relative"));
        Assert.False(StringFormatRules.IsValid("email", "a@b"));
    }

    private static bool MentionsRegex(Type type)
        => type == typeof(Regex) || (type.IsGenericType && type.GetGenericArguments().Any(MentionsRegex)) || (type.IsArray && MentionsRegex(type.GetElementType()!));
}
