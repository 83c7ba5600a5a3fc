using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>
/// The caller's request written once, then re-written per page with the page position (and size hint) set inside
/// <c>paginationParameters</c>; every other parameter is sent exactly as the caller gave it.
/// </summary>
internal sealed class PageRequestTemplate
{
    private readonly JsonDocument _parameters;
    private readonly ActionPagination _pagination;
    private readonly int? _pageSize;
    private List<JsonProperty>? _keptForPages;

    public PageRequestTemplate(IActionRequest request, ActionPagination pagination, int? pageSize)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteParameters(writer);
        }

        _parameters = JsonDocument.Parse(buffer.WrittenMemory);
        _pagination = pagination;
        _pageSize = pageSize;
        InitialPositionJson = PaginationParameters is { } page && page.TryGetProperty(pagination.PositionParameter, out var start) && start.ValueKind != JsonValueKind.Null
            ? start.GetRawText()
            : null;
        ParametersHash = Hash();
    }

    /// <summary>A page position the caller set in the request, where the enumeration starts.</summary>
    public string? InitialPositionJson { get; }

    /// <summary>Binds continuation tokens to these parameters.</summary>
    public string ParametersHash { get; }

    private JsonElement? PaginationParameters =>
        _parameters.RootElement.TryGetProperty(ActionPagination.ParametersProperty, out var page) && page.ValueKind == JsonValueKind.Object ? page : null;

    public void Write(Utf8JsonWriter writer, string? positionJson) => Write(writer, positionJson, includeLimit: true);

    private void Write(Utf8JsonWriter writer, string? positionJson, bool includeLimit)
    {
        writer.WriteStartObject();
        foreach (var property in _parameters.RootElement.EnumerateObject())
        {
            if (!property.NameEquals(ActionPagination.ParametersProperty))
            {
                property.WriteTo(writer);
            }
        }

        var original = PaginationParameters;
        var limit = _pagination.LimitParameter;
        var writeLimit = includeLimit && limit is not null && _pageSize is not null;

        // The caller's own pagination values stay, except the position (set per page) and the limit when it is
        // replaced by the page-size hint or left out of the hash.
        bool Keep(JsonProperty property) =>
            !property.NameEquals(_pagination.PositionParameter)
            && !(limit is not null && property.NameEquals(limit) && (writeLimit || !includeLimit));

        // The same for every page: worked out once.
        var kept = includeLimit ? _keptForPages ??= original?.EnumerateObject().Where(Keep).ToList() ?? [] : original?.EnumerateObject().Where(Keep).ToList() ?? [];
        if (kept.Count > 0 || positionJson is not null || writeLimit)
        {
            writer.WritePropertyName(ActionPagination.ParametersProperty);
            writer.WriteStartObject();
            foreach (var property in kept)
            {
                property.WriteTo(writer);
            }

            if (positionJson is not null)
            {
                writer.WritePropertyName(_pagination.PositionParameter);
                writer.WriteRawValue(positionJson, skipInputValidation: true);
            }

            if (writeLimit)
            {
                writer.WriteNumber(limit!, _pageSize!.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>A hash of everything but the position and page size, so a token resumes only the same query.</summary>
    private string Hash()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, positionJson: null, includeLimit: false);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Base64Url.EncodeToString(hash[..12]);
    }
}

/// <summary>
/// The page requests' descriptor: the action's name, integration and safety, with a result read in one pass into the
/// page's typed items and next cursor.
/// </summary>
internal sealed class PagedDescriptor<TItem>(ActionDescriptor action, ActionPagination pagination, PageReader<TItem> reader)
    : ActionDescriptor<PageContent<TItem>>(action.Name, action.Integration, action.Description, action.Safety, pagination, action.ParametersSchemaJson, action.SchemaHash)
{
    public override Type RequestType => typeof(PagedRequest<TItem>);

    public override ActionResultKind ResultKind => ActionResultKind.Json;

    public override PageContent<TItem> ReadResult(ref Utf8JsonReader json) => reader.Read(ref json);

    private protected override IActionRequest ReadRequestCore(ref Utf8JsonReader reader) =>
        throw new NotSupportedException("Page requests are made by the SDK, not read from JSON.");
}

/// <summary>One page's request: the caller's parameters with the page position set.</summary>
internal sealed class PagedRequest<TItem>(PagedDescriptor<TItem> descriptor, PageRequestTemplate template, string? positionJson) : IActionRequest<PageContent<TItem>>
{
    public ActionDescriptor<PageContent<TItem>> Descriptor => descriptor;

    ActionDescriptor IActionRequest.Descriptor => descriptor;

    public void WriteParameters(Utf8JsonWriter writer) => template.Write(writer, positionJson);
}
