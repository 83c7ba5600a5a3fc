using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>A request to a paginated action whose items are <typeparamref name="TItem"/>; generated for every paginated action.</summary>
public interface IPaginatedActionRequest<TItem> : IActionRequest
{
    /// <summary>Reads one item of a page from the reader's current value.</summary>
    TItem ReadItem(ref Utf8JsonReader reader);
}
