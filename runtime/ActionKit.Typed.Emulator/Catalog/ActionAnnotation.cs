using System.Text.Json;

namespace ActionKit.Typed.Emulator.Catalog;

/// <summary>What an annotation file says about an action (see docs/annotations.md); every part is optional.</summary>
internal sealed class ActionAnnotation
{
    /// <summary><c>read</c> or <c>write</c>, as written.</summary>
    public string? Safety { get; init; }

    /// <summary>The JSON Schema of the success body, when annotated.</summary>
    public JsonElement? Result { get; init; }

    /// <summary>True when <c>resultKind</c> is <c>binary</c>: the success body is a byte stream.</summary>
    public bool IsBinary { get; init; }

    /// <summary>How the action pages, when annotated.</summary>
    public PaginationAnnotation? Pagination { get; init; }
}

/// <summary>The <c>pagination</c> part of an annotation.</summary>
/// <param name="Style"><c>cursor</c>, <c>offset</c>, <c>pageNumber</c> or <c>none</c>.</param>
/// <param name="Position">The wire name inside <c>paginationParameters</c> that carries the position.</param>
/// <param name="Limit">The wire name inside <c>paginationParameters</c> of the page-size hint.</param>
/// <param name="Items">A JSON pointer to the items array in a result.</param>
/// <param name="NextCursor">A JSON pointer to the next cursor in a result.</param>
internal sealed record PaginationAnnotation(string Style, string? Position, string? Limit, string? Items, string? NextCursor);
