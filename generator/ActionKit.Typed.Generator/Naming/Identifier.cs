using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ActionKit.Typed.Generator.Naming;

/// <summary>Turns any wire name into a readable, valid C# identifier; the wire name itself is kept elsewhere.</summary>
internal static class Identifier
{
    // Symbols that carry meaning in enum values such as "1000+" or "Q&A"; other punctuation only separates words.
    private static readonly Dictionary<char, string> SymbolWords = new()
    {
        ['+'] = "Plus",
        ['&'] = "And",
        ['%'] = "Percent",
        ['#'] = "Number",
        ['@'] = "At",
    };

    /// <summary>
    /// PascalCase from a wire name: words split on anything that is not a letter or digit, each word capitalized,
    /// all-caps words (SLACK, ID) folded to Slack/Id, digit runs kept apart with '_', a leading digit prefixed with '_'.
    /// Returns <paramref name="fallback"/> when nothing usable remains (empty, emoji-only).
    /// </summary>
    public static string ToPascal(string? wireName, string fallback)
    {
        var words = SplitWords(wireName ?? string.Empty);
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(word[0]))
            {
                builder.Append('_');
            }

            builder.Append(Capitalize(word));
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var name = builder.ToString();
        return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
    }

    /// <summary>Whether <paramref name="name"/> is already a valid, non-keyword C# identifier.</summary>
    public static bool IsValid(string name) =>
        name.Length > 0 && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>Splits on separators; keeps identifier characters (including non-ASCII letters) and names meaningful symbols.</summary>
    public static List<string> SplitWords(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in text)
        {
            if (IsWordCharacter(ch))
            {
                current.Append(ch);
                continue;
            }

            Flush();
            if (SymbolWords.TryGetValue(ch, out var symbol))
            {
                words.Add(symbol);
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static bool IsWordCharacter(char ch)
    {
        if (ch == '_')
        {
            return false;
        }

        // Format characters (zero-width joiners and the like) are legal in identifiers but invisible; treat them as separators.
        return SyntaxFacts.IsIdentifierPartCharacter(ch) && CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.Format;
    }

    private static string Capitalize(string word)
    {
        var allUpper = word.Length > 1;
        foreach (var ch in word)
        {
            if (char.IsLetter(ch) && !char.IsUpper(ch))
            {
                allUpper = false;
                break;
            }
        }

        var rest = allUpper ? word.Substring(1).ToLowerInvariant() : word.Substring(1);
        return char.ToUpperInvariant(word[0]) + rest;
    }
}
