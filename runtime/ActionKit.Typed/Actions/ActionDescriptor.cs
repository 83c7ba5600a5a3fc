using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ActionKit.Typed.Serialization;

namespace ActionKit.Typed;

/// <summary>
/// What the catalog knows about one action: its wire name, integration, documentation, request and result types,
/// pagination and retry safety. Generated as <c>ActionKitCatalog.&lt;Integration&gt;.&lt;Action&gt;</c>.
/// </summary>
public abstract class ActionDescriptor
{
    private JsonElement? _parametersSchema;

    private protected ActionDescriptor(
        string name,
        string integration,
        string description,
        ActionSafety safety,
        ActionPagination? pagination,
        string parametersSchemaJson,
        string schemaHash)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Integration = integration ?? throw new ArgumentNullException(nameof(integration));
        Description = description ?? string.Empty;
        Safety = safety;
        Pagination = pagination;
        ParametersSchemaJson = parametersSchemaJson ?? "{}";
        SchemaHash = schemaHash ?? string.Empty;
    }

    /// <summary>The action's wire name, for example <c>SLACK_SEND_MESSAGE</c>.</summary>
    public string Name { get; }

    /// <summary>The integration key as ActionKit spells it, for example <c>slack</c> or <c>monday.com</c>.</summary>
    public string Integration { get; }

    /// <summary>The action's description from its schema.</summary>
    public string Description { get; }

    /// <summary>Whether the action only reads (retried on faults) or writes (never sent twice).</summary>
    public ActionSafety Safety { get; }

    /// <summary>How the action pages, or null when it is not paginated.</summary>
    public ActionPagination? Pagination { get; }

    /// <summary>The JSON Schema of the action's <c>parameters</c>, as the generator read it (compact, keys sorted).</summary>
    public string ParametersSchemaJson { get; }

    /// <summary>The JSON Schema of the action's <c>parameters</c>.</summary>
    public JsonElement ParametersSchema => _parametersSchema ??= ParseSchema(ParametersSchemaJson);

    /// <summary>A stable hash of the parameters schema the code was generated from; it changes when the schema does.</summary>
    public string SchemaHash { get; }

    /// <summary>The generated request type.</summary>
    public abstract Type RequestType { get; }

    /// <summary>The result type: a generated record, <see cref="UntypedActionResult"/> or <see cref="ActionStreamResult"/>.</summary>
    public abstract Type ResultType { get; }

    /// <summary>How a success response is read.</summary>
    public abstract ActionResultKind ResultKind { get; }

    /// <summary>Reads tool-call arguments (a JSON object) into the typed request.</summary>
    /// <exception cref="ArgumentException">The arguments are not valid JSON or do not fit the request.</exception>
    public IActionRequest ParseRequest(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read())
            {
                throw new JsonException("The arguments are empty.");
            }

            return ReadRequestCore(ref reader);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The arguments for {Name} do not fit its request: {ex.Message}", "arguments", ex);
        }
    }

    /// <summary>Reads tool-call arguments (a JSON object) into the typed request.</summary>
    /// <exception cref="ArgumentException">The arguments are not valid JSON or do not fit the request.</exception>
    public IActionRequest ParseRequest(string json) =>
        ParseRequest(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    /// <summary>Reads tool-call arguments (a JSON object) into the typed request.</summary>
    /// <exception cref="ArgumentException">The arguments do not fit the request.</exception>
    public IActionRequest ParseRequest(JsonElement arguments) =>
        ParseRequest(arguments.ValueKind == JsonValueKind.Undefined ? "{}"u8 : JsonMarshal.GetRawUtf8Value(arguments));

    private protected abstract IActionRequest ReadRequestCore(ref Utf8JsonReader reader);

    /// <summary>Reads a JSON success body into the result type, boxed; for runs whose result type is not known statically.</summary>
    internal abstract object? ReadResultAsObject(ref Utf8JsonReader reader);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static JsonElement ParseSchema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>An action whose result is <typeparamref name="TResult"/>.</summary>
public abstract class ActionDescriptor<TResult> : ActionDescriptor
{
    private protected ActionDescriptor(string name, string integration, string description, ActionSafety safety, ActionPagination? pagination, string parametersSchemaJson, string schemaHash)
        : base(name, integration, description, safety, pagination, parametersSchemaJson, schemaHash)
    {
    }

    /// <inheritdoc/>
    public sealed override Type ResultType => typeof(TResult);

    /// <summary>Reads a JSON success body positioned on its first token.</summary>
    /// <exception cref="JsonException">The body does not fit the result type.</exception>
    /// <exception cref="NotSupportedException">The action's result is a byte stream.</exception>
    public abstract TResult ReadResult(ref Utf8JsonReader reader);

    internal sealed override object? ReadResultAsObject(ref Utf8JsonReader reader) => ReadResult(ref reader);
}

/// <summary>An action with request <typeparamref name="TRequest"/> and result <typeparamref name="TResult"/>.</summary>
public sealed class ActionDescriptor<TRequest, TResult> : ActionDescriptor<TResult>
    where TRequest : IActionRequest<TResult>
{
    private readonly JsonReadFunc<TRequest> _readRequest;
    private readonly JsonReadFunc<TResult>? _readResult;

    /// <summary>Creates a descriptor; generated code calls this.</summary>
    public ActionDescriptor(
        string name,
        string integration,
        string description,
        ActionSafety safety,
        ActionPagination? pagination,
        string parametersSchemaJson,
        string schemaHash,
        JsonReadFunc<TRequest> readRequest,
        JsonReadFunc<TResult>? readResult,
        ActionResultKind resultKind = ActionResultKind.Json)
        : base(name, integration, description, safety, pagination, parametersSchemaJson, schemaHash)
    {
        _readRequest = readRequest ?? throw new ArgumentNullException(nameof(readRequest));
        _readResult = readResult;
        ResultKind = resultKind;
        if (resultKind == ActionResultKind.Json && readResult is null)
        {
            throw new ArgumentNullException(nameof(readResult), "A JSON result needs a reader.");
        }
    }

    /// <inheritdoc/>
    public override Type RequestType => typeof(TRequest);

    /// <inheritdoc/>
    public override ActionResultKind ResultKind { get; }

    /// <summary>Reads a request from the reader's current value.</summary>
    public TRequest ReadRequest(ref Utf8JsonReader reader) => _readRequest(ref reader);

    /// <inheritdoc/>
    public override TResult ReadResult(ref Utf8JsonReader reader) =>
        _readResult is { } read ? read(ref reader) : throw new NotSupportedException($"{Name} returns a byte stream, not JSON.");

    private protected override IActionRequest ReadRequestCore(ref Utf8JsonReader reader) => _readRequest(ref reader);
}
