using System;
using System.Linq;
using System.Text;

namespace ActionKit.Typed.Generator.Naming;

/// <summary>Relates action wire names (SLACK_SEND_MESSAGE) to integration keys (slack, googledrive, monday.com).</summary>
internal static class ActionNames
{
    /// <summary>
    /// The words of <paramref name="actionName"/> after its integration prefix, or null when it has none:
    /// GOOGLE_DRIVE_LIST_FILES under googledrive → LIST_FILES (prefix letters match the key's letters).
    /// </summary>
    public static string? StripIntegrationPrefix(string actionName, string integration)
    {
        // monday.com's actions start MONDAY_, custom.workamajig's WORKAMAJIG_: a key's own words are prefixes too.
        foreach (var candidate in new[] { integration }.Concat(integration.Split('.', '-', '_', ' ').Where(w => w.Length >= 3 && w != "custom")))
        {
            if (StripPrefix(actionName, candidate) is { } rest)
            {
                return rest;
            }
        }

        return null;
    }

    private static string? StripPrefix(string actionName, string integration)
    {
        var key = Letters(integration);
        if (key.Length == 0)
        {
            return null;
        }

        var words = actionName.Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries);
        var prefix = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            prefix.Append(Letters(words[i]));
            if (prefix.Length > key.Length || !key.StartsWith(prefix.ToString(), StringComparison.Ordinal))
            {
                return null;
            }

            if (prefix.Length == key.Length)
            {
                return string.Join("_", words.Skip(i + 1));
            }
        }

        return null;
    }

    /// <summary>The words an action name spends on its integration (GOOGLE_DRIVE for googledrive), or null.</summary>
    public static string? IntegrationPrefix(string actionName, string integration)
    {
        var rest = StripIntegrationPrefix(actionName, integration);
        if (rest is null)
        {
            return null;
        }

        var prefix = actionName.Substring(0, actionName.Length - rest.Length).TrimEnd('_');
        return prefix.Length == 0 ? null : prefix;
    }

    /// <summary>Whether an action only reads, judged from its name when no annotation says.</summary>
    public static bool LooksReadOnly(string actionName) =>
        actionName.ToUpperInvariant().Split('_').Any(word => word is "GET" or "LIST" or "SEARCH" or "DESCRIBE");

    private static string Letters(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
