using System;

namespace ActionKit.Typed.Generator.Naming;

/// <summary>Relates action wire names (SLACK_SEND_MESSAGE) to integration keys (slack, googledrive, monday.com).</summary>
internal static class ActionNames
{
    private static readonly char[] KeySeparators = { '.', '-', '_', ' ' };

    private static readonly char[] WordSeparator = { '_' };

    /// <summary>
    /// The words of <paramref name="actionName"/> after its integration prefix, or null when it has none:
    /// GOOGLE_DRIVE_LIST_FILES under googledrive → LIST_FILES (prefix letters match the key's letters).
    /// </summary>
    public static string? StripIntegrationPrefix(string actionName, string integration)
    {
        if (StripPrefix(actionName, integration) is { } rest)
        {
            return rest;
        }

        // monday.com's actions start MONDAY_, custom.workamajig's WORKAMAJIG_: a key's own words are prefixes too.
        foreach (var word in integration.Split(KeySeparators))
        {
            if (word.Length >= 3 && word != "custom" && StripPrefix(actionName, word) is { } wordRest)
            {
                return wordRest;
            }
        }

        return null;
    }

    /// <summary>
    /// Matches the letters and digits of the action name's leading words, upper-cased, against the key's; when a word
    /// ends exactly where the key does, the words after it, joined by '_', are the rest.
    /// </summary>
    private static string? StripPrefix(string actionName, string integration)
    {
        var keyLength = CountLettersOrDigits(integration);
        if (keyLength == 0)
        {
            return null;
        }

        var matched = 0;
        var key = 0;
        var position = 0;
        while (position < actionName.Length)
        {
            var end = actionName.IndexOf('_', position);
            if (end < 0)
            {
                end = actionName.Length;
            }

            for (var i = position; i < end; i++)
            {
                var ch = actionName[i];
                if (!char.IsLetterOrDigit(ch))
                {
                    continue;
                }

                while (key < integration.Length && !char.IsLetterOrDigit(integration[key]))
                {
                    key++;
                }

                if (key == integration.Length || char.ToUpperInvariant(ch) != char.ToUpperInvariant(integration[key]))
                {
                    return null;
                }

                key++;
                matched++;
            }

            if (matched == keyLength)
            {
                return WordsFrom(actionName, end);
            }

            position = end + 1;
        }

        return null;
    }

    /// <summary>The words from <paramref name="start"/> on joined by single underscores, as split without empty words.</summary>
    private static string WordsFrom(string actionName, int start)
    {
        var first = start;
        while (first < actionName.Length && actionName[first] == '_')
        {
            first++;
        }

        var end = actionName.Length;
        while (end > first && actionName[end - 1] == '_')
        {
            end--;
        }

        var words = actionName.Substring(first, end - first);
        return words.IndexOf("__", StringComparison.Ordinal) < 0
            ? words
            : string.Join("_", words.Split(WordSeparator, StringSplitOptions.RemoveEmptyEntries));
    }

    private static int CountLettersOrDigits(string text)
    {
        var count = 0;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The words an action name spends on its integration (GOOGLE_DRIVE for googledrive), or null.</summary>
    public static string? IntegrationPrefix(string actionName, string integration) =>
        PrefixBefore(actionName, StripIntegrationPrefix(actionName, integration));

    /// <summary>The integration prefix given what <see cref="StripIntegrationPrefix"/> returned for the same name.</summary>
    public static string? PrefixBefore(string actionName, string? rest)
    {
        if (rest is null)
        {
            return null;
        }

        var prefix = actionName.Substring(0, actionName.Length - rest.Length).TrimEnd('_');
        return prefix.Length == 0 ? null : prefix;
    }

    /// <summary>Whether an action only reads, judged from its name when no annotation says.</summary>
    public static bool LooksReadOnly(string actionName)
    {
        var start = 0;
        while (start <= actionName.Length)
        {
            var end = actionName.IndexOf('_', start);
            if (end < 0)
            {
                end = actionName.Length;
            }

            if (IsWordUpper(actionName, start, end, "GET") || IsWordUpper(actionName, start, end, "LIST")
                || IsWordUpper(actionName, start, end, "SEARCH") || IsWordUpper(actionName, start, end, "DESCRIBE"))
            {
                return true;
            }

            start = end + 1;
        }

        return false;
    }

    /// <summary>Whether the word in [start, end) upper-cases to <paramref name="word"/>, without making the upper-case copy.</summary>
    private static bool IsWordUpper(string text, int start, int end, string word)
    {
        if (end - start != word.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (char.ToUpperInvariant(text[start + i]) != word[i])
            {
                return false;
            }
        }

        return true;
    }
}
