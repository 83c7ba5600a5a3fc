using System;
using System.Collections.Generic;

namespace ActionKit.Typed.Cli.Pull;

/// <summary>What to ask List Actions for.</summary>
internal sealed record PullRequestOptions(
    Uri Endpoint,
    string ProjectId,
    IReadOnlyList<string> Integrations,
    IReadOnlyList<string> Categories,
    bool ReloadFields,
    bool? LimitToAvailable,
    TimeSpan Timeout)
{
    public const string DefaultEndpoint = "https://actionkit.useparagon.com";

    /// <summary><c>{endpoint}/projects/{id}/actions?format=json_schema&amp;…</c>; filters only when given.</summary>
    public Uri BuildUri()
    {
        var query = new List<string> { "format=json_schema" };
        if (Integrations.Count > 0)
        {
            query.Add("integrations=" + Uri.EscapeDataString(string.Join(",", Integrations)));
        }

        if (Categories.Count > 0)
        {
            query.Add("categories=" + Uri.EscapeDataString(string.Join(",", Categories)));
        }

        if (ReloadFields)
        {
            query.Add("reload_fields=true");
        }

        if (LimitToAvailable is { } limit)
        {
            query.Add("limit_to_available=" + (limit ? "true" : "false"));
        }

        var baseUri = Endpoint.AbsoluteUri.TrimEnd('/');
        return new Uri($"{baseUri}/projects/{Uri.EscapeDataString(ProjectId)}/actions?{string.Join("&", query)}");
    }
}
