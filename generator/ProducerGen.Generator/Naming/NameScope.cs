using System;
using System.Collections.Generic;
using ProducerGen.Schema.Diagnostics;

namespace ProducerGen.Generator.Naming;

/// <summary>
/// One C# declaration space (a namespace's types, a type's members, a constructor's parameters): remembers who
/// claimed each name, so a second claim is found here and reported at its YAML position rather than by the compiler.
/// </summary>
internal sealed class NameScope
{
    private readonly Dictionary<string, Claim> _claims;

    public NameScope(StringComparer? comparer = null) => _claims = new Dictionary<string, Claim>(comparer ?? StringComparer.Ordinal);

    /// <summary>Marks <paramref name="name"/> as used by the generated code itself.</summary>
    public void Reserve(string name, string owner = "the generated code") => _claims[name] = new Claim(owner, null);

    /// <summary>Marks every name of <paramref name="names"/> as used by the generated code itself.</summary>
    public void ReserveAll(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            Reserve(name);
        }
    }

    public bool IsTaken(string name) => _claims.ContainsKey(name);

    /// <summary>Who holds <paramref name="name"/>, and where in the YAML (null for the generated code's own names).</summary>
    public bool TryGetOwner(string name, out string owner, out SourceRange? range)
    {
        if (_claims.TryGetValue(name, out var claim))
        {
            owner = claim.Owner;
            range = claim.Range;
            return true;
        }

        owner = string.Empty;
        range = null;
        return false;
    }

    /// <summary>Claims <paramref name="name"/> for <paramref name="owner"/>; false (and nothing changes) when it is taken.</summary>
    public bool TryClaim(string name, string owner, SourceRange range)
    {
        if (_claims.ContainsKey(name))
        {
            return false;
        }

        _claims.Add(name, new Claim(owner, range));
        return true;
    }

    /// <summary>The first of <c>name</c>, <c>name2</c>, <c>name3</c>, ... that is free, claimed; for private names only.</summary>
    public string ClaimNumbered(string name)
    {
        var candidate = name;
        for (var i = 2; _claims.ContainsKey(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _claims.Add(candidate, new Claim("the generated code", null));
        return candidate;
    }

    private readonly struct Claim
    {
        public Claim(string owner, SourceRange? range)
        {
            Owner = owner;
            Range = range;
        }

        public string Owner { get; }

        public SourceRange? Range { get; }
    }
}
