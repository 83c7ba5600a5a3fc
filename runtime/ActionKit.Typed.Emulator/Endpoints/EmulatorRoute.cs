using System;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>Which surface a path addresses: <c>/projects/{id}/actions|tools</c>, <c>/projects/{id}/sdk/proxy/…</c> or <c>/projects/{id}/sdk/…</c>.</summary>
internal enum RouteKind
{
    NotFound,
    Actions,
    Tools,
    Proxy,
    Connect,
}

/// <summary>A parsed request path.</summary>
/// <param name="Kind">The surface.</param>
/// <param name="ProjectId">The project id in the path, or null when the path has none.</param>
/// <param name="Rest">The path after <c>/projects/{id}/sdk/</c> (Connect) or <c>/projects/{id}/sdk/proxy/</c> (Proxy).</param>
internal readonly record struct EmulatorRoute(RouteKind Kind, string? ProjectId, string Rest)
{
    public static EmulatorRoute Parse(string path)
    {
        // App Events live under /v2/projects/{id}/sdk/events/trigger: read as the Connect path "v2/events/trigger".
        if (path.StartsWith("/v2/projects/", StringComparison.Ordinal))
        {
            var v1 = Parse(path["/v2".Length..]);
            return v1.Kind == RouteKind.Connect ? v1 with { Rest = "v2/" + v1.Rest } : new(RouteKind.NotFound, v1.ProjectId, string.Empty);
        }

        var trimmed = path.AsSpan().Trim('/');
        const string projects = "projects/";
        if (!trimmed.StartsWith(projects, StringComparison.Ordinal))
        {
            return new(RouteKind.NotFound, null, string.Empty);
        }

        var afterProjects = trimmed[projects.Length..];
        var slash = afterProjects.IndexOf('/');
        if (slash <= 0)
        {
            return new(RouteKind.NotFound, afterProjects.ToString(), string.Empty);
        }

        var projectId = afterProjects[..slash].ToString();
        var rest = afterProjects[(slash + 1)..];
        if (rest.Equals("actions", StringComparison.Ordinal))
        {
            return new(RouteKind.Actions, projectId, string.Empty);
        }

        if (rest.Equals("tools", StringComparison.Ordinal))
        {
            return new(RouteKind.Tools, projectId, string.Empty);
        }

        // The untrimmed remainder keeps a proxied path's trailing slash, which some provider APIs need.
        var full = path.AsSpan().TrimStart('/')[(projects.Length + slash + 1)..];
        if (full.StartsWith("sdk/proxy/", StringComparison.Ordinal))
        {
            return new(RouteKind.Proxy, projectId, full["sdk/proxy/".Length..].ToString());
        }

        if (full.StartsWith("sdk/", StringComparison.Ordinal))
        {
            return new(RouteKind.Connect, projectId, full["sdk/".Length..].ToString().TrimEnd('/'));
        }

        return new(RouteKind.NotFound, projectId, string.Empty);
    }
}
