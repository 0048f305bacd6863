using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ProducerGen.Schema.Naming;

/// <summary>
/// Maps schema names (snake_case, kebab-case, dotted, digit-first, enum values such as <c>16:9</c>)
/// to valid, stable, readable C# identifiers. The wire value is never changed; only the C# name is derived.
/// </summary>
public static class NameMapper
{
    private static readonly HashSet<string> CSharpKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// PascalCase identifier: words split at every character that is not a letter or digit, each word
    /// capitalised (ALL-CAPS words become Capitalised), digit runs on both sides of a separator kept apart
    /// with '_' (<c>flux-1.1-pro</c> → <c>Flux1_1Pro</c>), and a leading digit prefixed with '_'
    /// (<c>851-bg-remove</c> → <c>_851BgRemove</c>, <c>16:9</c> → <c>_16_9</c>).
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (var word in SplitWords(name))
        {
            if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(word[0]))
            {
                builder.Append('_');
            }

            AppendCapitalised(builder, word);
        }

        if (builder.Length == 0)
        {
            return EncodeSymbols(name);
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>
    /// camelCase identifier for parameters and locals, escaped with '@' when it is a C# keyword.
    /// </summary>
    public static string ToCamelCase(string name)
    {
        var pascal = ToPascalCase(name);
        var start = pascal[0] == '_' ? 1 : 0;
        if (start >= pascal.Length)
        {
            return pascal;
        }

        // Lower the leading run of capitals, keeping the last one when a lower-case letter follows (URLPath -> urlPath).
        var chars = pascal.ToCharArray();
        for (var i = start; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            var nextIsLower = i + 1 < chars.Length && char.IsLower(chars[i + 1]);
            if (i > start && nextIsLower)
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return EscapeKeyword(new string(chars));
    }

    /// <summary>Prefixes <paramref name="identifier"/> with '@' when it is a reserved C# keyword.</summary>
    public static string EscapeKeyword(string identifier) =>
        CSharpKeywords.Contains(identifier) ? "@" + identifier : identifier;

    /// <summary>True when <paramref name="identifier"/> is a reserved C# keyword.</summary>
    public static bool IsKeyword(string identifier) => CSharpKeywords.Contains(identifier);

    private static IEnumerable<string> SplitWords(string name)
    {
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var isPart = i < name.Length && char.IsLetterOrDigit(name[i]);
            if (isPart && start < 0)
            {
                start = i;
            }
            else if (!isPart && start >= 0)
            {
                yield return name.Substring(start, i - start);
                start = -1;
            }
        }
    }

    private static void AppendCapitalised(StringBuilder builder, string word)
    {
        var hasLower = false;
        foreach (var c in word)
        {
            hasLower |= char.IsLower(c);
        }

        builder.Append(char.ToUpperInvariant(word[0]));
        for (var i = 1; i < word.Length; i++)
        {
            // ALL-CAPS words (FUZZ, PRO, 1024X1024) read better Capitalised; mixed-case words (audioUrl) keep their humps.
            builder.Append(hasLower ? word[i] : char.ToLowerInvariant(word[i]));
        }
    }

    private static string EncodeSymbols(string name)
    {
        // A name with no letters or digits at all ("+", "") still needs a stable identifier.
        var builder = new StringBuilder("_");
        foreach (var c in name)
        {
            builder.Append('x').Append(((int)c).ToString("X", CultureInfo.InvariantCulture));
        }

        return builder.Length == 1 ? "_Empty" : builder.ToString();
    }
}
