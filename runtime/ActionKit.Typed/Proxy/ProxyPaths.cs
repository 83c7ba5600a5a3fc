using System;
using System.Text;

namespace ActionKit.Typed;

/// <summary>
/// Builds Proxy API URLs and refuses, before anything is sent, what would leave the integration: <c>..</c> segments
/// (raw, percent-encoded, double-encoded or mixed), backslashes, control characters, full URLs that are not https,
/// and integration names that are not one path segment.
/// </summary>
internal static class ProxyPaths
{
    /// <summary>The prefix of a custom integration addressed by its id: <c>custom/{integrationId}</c>.</summary>
    public const string CustomIdPrefix = "custom/";

    /// <summary>
    /// The integration's path segment(s) after <c>sdk/proxy/</c>: <c>slack</c>, <c>custom.tasklab</c>, or
    /// <c>custom/{integrationId}</c>.
    /// </summary>
    public static string IntegrationSegment(string integration, string paramName = "integration")
    {
        if (string.IsNullOrWhiteSpace(integration))
        {
            throw new ArgumentException("An integration name is required (for example \"slack\", \"custom.tasklab\" or \"custom/{integrationId}\").", paramName);
        }

        if (integration.StartsWith(CustomIdPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var id = integration[CustomIdPrefix.Length..];
            if (id.Length == 0 || !IsIdentifier(id, allowDot: false))
            {
                throw new ArgumentException($"'{Printable(integration)}' is not a custom integration id path: use \"custom/{{integrationId}}\" with the integration's id (letters, digits, '-' and '_').", paramName);
            }

            return "custom/" + id;
        }

        if (integration.StartsWith("custom.", StringComparison.OrdinalIgnoreCase) && integration.Length == "custom.".Length)
        {
            throw new ArgumentException("A custom integration needs its slug after \"custom.\" (for example \"custom.tasklab\").", paramName);
        }

        if (!IsIdentifier(integration, allowDot: true) || integration.Trim('.').Length == 0)
        {
            throw new ArgumentException($"'{Printable(integration)}' is not an integration name: use the integration type as Paragon spells it (letters, digits, '.', '-', '_'), \"custom.<slug>\", or \"custom/{{integrationId}}\".", paramName);
        }

        return integration;
    }

    /// <summary>
    /// Checks a provider path (relative, with an optional query) and returns it without leading slashes; a full URL
    /// (<c>https://…</c>) is returned in <paramref name="fullUrl"/> instead.
    /// </summary>
    public static string ProviderPath(string path, out Uri? fullUrl, string paramName = "path")
    {
        ArgumentNullException.ThrowIfNull(path, paramName);
        fullUrl = null;
        foreach (var c in path)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("The path contains a control character (CR, LF, tab or similar).", paramName);
            }
        }

        if (path.Contains('\\'))
        {
            throw new ArgumentException("The path contains a backslash; servers may read it as '/', so it could leave the integration. Percent-encode it if the provider needs one.", paramName);
        }

        var schemeEnd = SchemeLength(path);
        if (schemeEnd > 0)
        {
            if (!path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"A full-URL override must use https, not '{path[..schemeEnd]}'.", paramName);
            }

            if (!Uri.TryCreate(path, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new ArgumentException("The full-URL override is not a valid https URL with a host (and without user information).", paramName);
            }

            CheckSegments(PathPart(path["https://".Length..]), paramName);
            fullUrl = uri;
            return path;
        }

        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("The path starts with '//', which reads as a host; pass a relative path or a full https URL.", paramName);
        }

        CheckSegments(PathPart(path), paramName);
        return path.TrimStart('/');
    }

    /// <summary>Builds <c>{proxy}/projects/{id}/sdk/proxy/{integration}/{path}</c>; the relative part keeps its encoding.</summary>
    public static Uri Build(Uri proxyEndpoint, string projectId, string integrationSegment, string relative)
    {
        var text = new StringBuilder(proxyEndpoint.AbsoluteUri.TrimEnd('/'));
        text.Append("/projects/").Append(Uri.EscapeDataString(projectId)).Append("/sdk/proxy/").Append(integrationSegment);
        if (relative.Length > 0)
        {
            text.Append('/').Append(relative);
        }

        return new Uri(text.ToString(), UriKind.Absolute);
    }

    /// <summary>Refuses a <c>..</c> segment however it is spelled: raw, <c>%2e%2e</c>, <c>%2E.</c>, <c>%252e%252e</c>, or hidden behind an encoded slash.</summary>
    private static void CheckSegments(string pathPart, string paramName)
    {
        var decoded = pathPart;
        for (var i = 0; i < 4; i++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        if (decoded.Contains('\\'))
        {
            throw new ArgumentException("The path contains an encoded backslash (%5C); servers may read it as '/', so it could leave the integration.", paramName);
        }

        foreach (var segment in decoded.Split('/'))
        {
            if (segment.Trim() == "..")
            {
                throw new ArgumentException("The path contains a '..' segment (possibly percent-encoded), which would leave the integration's API.", paramName);
            }
        }
    }

    private static string PathPart(string path)
    {
        var end = path.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? path : path[..end];
    }

    /// <summary>The length of a leading <c>scheme://</c> (without <c>://</c>), or 0.</summary>
    private static int SchemeLength(string path)
    {
        var colon = path.IndexOf("://", StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(path[0]))
        {
            return 0;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = path[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return 0;
            }
        }

        return colon;
    }

    private static bool IsIdentifier(string value, bool allowDot)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' && !(allowDot && c == '.'))
            {
                return false;
            }
        }

        return !value.Contains("..", StringComparison.Ordinal);
    }

    private static string Printable(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) ? '?' : c);
        }

        return text.ToString();
    }
}
