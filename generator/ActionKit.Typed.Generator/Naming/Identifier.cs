using System;
using System.Collections.Generic;
using System.Globalization;
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

    // "Percent" is the longest symbol word.
    private const int MaxCharsPerInput = 7;

    // Wire names are short; a longer one gets its buffer from the heap.
    private const int StackLimit = 512;

    /// <summary>
    /// PascalCase from a wire name: words split on anything that is not a letter or digit, each word capitalized,
    /// all-caps words (SLACK, ID) folded to Slack/Id, digit runs kept apart with '_', a leading digit prefixed with '_'.
    /// Returns <paramref name="fallback"/> when nothing usable remains (empty, emoji-only), and the wire name itself
    /// when it is already its own Pascal name, so no equal copy is kept.
    /// </summary>
    public static string ToPascal(string? wireName, string fallback)
    {
        var text = wireName ?? string.Empty;

        // One pass into a buffer, no word strings. Slot 0 is kept for the '_' a leading digit needs; every input
        // character writes at most a symbol word or '_' and a digit.
        var capacity = 1 + (text.Length * MaxCharsPerInput);
        Span<char> buffer = capacity <= StackLimit ? stackalloc char[capacity] : new char[capacity];
        var length = 1;
        var wordStart = -1;
        var wordAllUpper = false;
        foreach (var ch in text)
        {
            if (IsWordCharacter(ch))
            {
                if (wordStart < 0)
                {
                    if (length > 1 && char.IsDigit(buffer[length - 1]) && char.IsDigit(ch))
                    {
                        buffer[length++] = '_';
                    }

                    wordStart = length;
                    wordAllUpper = true;
                    buffer[length++] = char.ToUpperInvariant(ch);
                }
                else
                {
                    buffer[length++] = ch;
                }

                if (char.IsLetter(ch) && !char.IsUpper(ch))
                {
                    wordAllUpper = false;
                }

                continue;
            }

            EndWord(buffer, wordStart, length, wordAllUpper);
            wordStart = -1;
            if (SymbolWords.TryGetValue(ch, out var symbol))
            {
                symbol.AsSpan().CopyTo(buffer.Slice(length));
                length += symbol.Length;
            }
        }

        EndWord(buffer, wordStart, length, wordAllUpper);
        if (length == 1)
        {
            return fallback;
        }

        var start = 1;
        if (!SyntaxFacts.IsIdentifierStartCharacter(buffer[1]))
        {
            buffer[0] = '_';
            start = 0;
        }

        var result = buffer.Slice(start, length - start);
        var name = result.SequenceEqual(text.AsSpan()) ? text : result.ToString();
        return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
    }

    /// <summary>Whether <paramref name="name"/> is already a valid, non-keyword C# identifier.</summary>
    public static bool IsValid(string name) =>
        name.Length > 0 && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>An all-caps word of more than one character keeps only its first letter upper: SLACK → Slack, ID → Id.</summary>
    private static void EndWord(Span<char> buffer, int wordStart, int wordEnd, bool allUpper)
    {
        if (wordStart < 0 || !allUpper || wordEnd - wordStart < 2)
        {
            return;
        }

        for (var i = wordStart + 1; i < wordEnd; i++)
        {
            buffer[i] = char.ToLowerInvariant(buffer[i]);
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
}
