using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ActionKit.Typed.Benchmarks.Runtime;

/// <summary>
/// What a developer would write by hand to get typed Asana projects from ASANA_GET_PROJECTS pages: classes with the
/// same fields as the generated <c>AsanaGetProjectsProject</c> (undeclared properties dropped) and a
/// System.Text.Json source-generated context.
/// </summary>
public sealed class HandWrittenProjectsPage
{
    public List<HandWrittenProject>? Data { get; set; }

    [JsonPropertyName("nextPageCursor")]
    public string? NextPageCursor { get; set; }
}

public sealed class HandWrittenProject
{
    public string? Gid { get; set; }

    public string? Name { get; set; }

    public string? ResourceType { get; set; }

    public bool? Archived { get; set; }

    public string? Color { get; set; }

    public string? Notes { get; set; }

    public string? CreatedAt { get; set; }

    public string? ModifiedAt { get; set; }

    public string? PermalinkUrl { get; set; }

    public HandWrittenCompact? Workspace { get; set; }

    public HandWrittenCompact? Team { get; set; }

    public HandWrittenCompact? Owner { get; set; }
}

public sealed class HandWrittenCompact
{
    public string? Gid { get; set; }

    public string? Name { get; set; }

    public string? ResourceType { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HandWrittenProjectsPage))]
public sealed partial class HandWrittenProjectsContext : JsonSerializerContext
{
}
