using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>One request as the endpoints see it: already journaled, authenticated and routed.</summary>
internal sealed class EmulatorRequest(HttpContext http, RecordedRequest recorded, EmulatorRoute route, string requestId, string userId)
{
    public HttpContext Http { get; } = http;

    public RecordedRequest Recorded { get; } = recorded;

    public EmulatorRoute Route { get; } = route;

    /// <summary>The id put in <c>meta.requestId</c> of an error body.</summary>
    public string RequestId { get; } = requestId;

    /// <summary>The Connected User: the token's <c>sub</c>.</summary>
    public string UserId { get; } = userId;

    /// <summary>The credential selected with <c>X-Paragon-Credential</c>, if any.</summary>
    public string? CredentialId => Recorded.CredentialId is { Length: > 0 } id ? id.Trim() : null;

    public string Method => Http.Request.Method;

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>Parses the body as JSON, or returns null when it is empty or not JSON.</summary>
    public JsonDocument? TryParseBody()
    {
        if (Recorded.Body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(Recorded.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public EmulatorResponse Error(int status, string code, string message) => EmulatorResponse.Error(status, code, message, RequestId);
}
