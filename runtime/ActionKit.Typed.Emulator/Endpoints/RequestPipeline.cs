using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Emulator.Auth;
using ActionKit.Typed.Emulator.Errors;
using ActionKit.Typed.Emulator.Faults;
using ActionKit.Typed.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ActionKit.Typed.Emulator.Endpoints;

/// <summary>
/// The one request delegate: journal the request, apply a queued fault, check the token, route, answer.
/// Faults come before auth, as a rate limiter or gateway in front of ActionKit would.
/// </summary>
internal sealed class RequestPipeline(EmulatorState state, CancellationToken stopping)
{
    public async Task HandleAsync(HttpContext http)
    {
        var recorded = await RecordAsync(http).ConfigureAwait(false);
        var requestId = ErrorEnvelope.NewRequestId();
        var route = EmulatorRoute.Parse(http.Request.Path.Value ?? "/");
        var action = route.Kind is RouteKind.Actions or RouteKind.Tools ? recorded.ActionName : null;

        var fault = state.Faults.TryTake(recorded, action);
        switch (fault)
        {
            case DropConnectionFault:
                http.Abort();
                return;
            case DelayFault delay:
                try
                {
                    // Wall-clock time: the client's own timeout runs on it, whatever clock checks tokens.
                    // A pending delay must not hold up disposing the emulator.
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
                    await Task.Delay(delay.Duration, wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up or the emulator is stopping: either way, no response.
                    http.Abort();
                    return;
                }

                break;
        }

        if (fault is not null && FaultResponses.Replace(fault, requestId) is { } replaced)
        {
            await WriteAsync(http, recorded, replaced).ConfigureAwait(false);
            return;
        }

        EmulatorResponse response;
        try
        {
            response = Dispatch(http, recorded, route, requestId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            response = EmulatorResponse.Error(500, EmulatorErrorCodes.ServerError, $"The emulator failed: {ex.Message}", requestId);
        }

        if (fault is TruncatedJsonFault)
        {
            response = await FaultResponses.TruncateAsync(response, http.RequestAborted).ConfigureAwait(false);
        }

        await WriteAsync(http, recorded, response).ConfigureAwait(false);
    }

    private EmulatorResponse Dispatch(HttpContext http, RecordedRequest recorded, EmulatorRoute route, string requestId)
    {
        if (route.Kind == RouteKind.NotFound)
        {
            return EmulatorResponse.Error(404, EmulatorErrorCodes.NotFound, $"No endpoint at {recorded.PathWithoutQuery}.", requestId);
        }

        if (!string.Equals(route.ProjectId, state.ProjectId, StringComparison.Ordinal))
        {
            return EmulatorResponse.Error(404, EmulatorErrorCodes.NotFound, $"Project '{route.ProjectId}' was not found (the emulator serves '{state.ProjectId}').", requestId);
        }

        // ActionKit's body limit; the Proxy API is the documented way around it, so proxied bodies are not capped.
        if (route.Kind != RouteKind.Proxy && recorded.Body.LongLength > state.Options.MaxRequestBodySize)
        {
            return EmulatorResponse.Error(413, EmulatorErrorCodes.PayloadTooLarge, $"The request body is larger than the {state.Options.MaxRequestBodySize} byte limit. Use the Proxy API for large files.", requestId);
        }

        string userId;
        if (state.Options.RequireToken)
        {
            var check = state.Tokens.Verify(recorded.Authorization);
            if (!check.Succeeded)
            {
                return EmulatorResponse.Error(401, EmulatorErrorCodes.Unauthorized, check.Error!, requestId);
            }

            userId = check.Subject!;
        }
        else
        {
            userId = TokenVerifier.ReadSubjectUnverified(recorded.Authorization) ?? state.Options.DefaultUserId;
        }

        recorded.UserId = userId;
        var request = new EmulatorRequest(http, recorded, route, requestId, userId);
        var method = http.Request.Method;
        return route.Kind switch
        {
            RouteKind.Actions or RouteKind.Tools when HttpMethods.IsGet(method) => ListActionsEndpoint.Handle(state, request),
            RouteKind.Actions or RouteKind.Tools when HttpMethods.IsPost(method) => RunActionEndpoint.Handle(state, request),
            RouteKind.Actions or RouteKind.Tools => request.Error(405, EmulatorErrorCodes.MethodNotAllowed, $"{method} is not allowed here; use GET to list or POST to run."),
            RouteKind.Proxy => ProxyEndpoint.Handle(state, request),
            RouteKind.Connect => ConnectEndpoint.Handle(state, request),
            _ => request.Error(404, EmulatorErrorCodes.NotFound, $"No endpoint at {recorded.PathWithoutQuery}."),
        };
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext http)
    {
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in http.Request.Headers)
        {
            headers[header.Key] = string.Join(", ", (IEnumerable<string?>)header.Value);
        }

        // The raw target is exactly what the client put on the wire (encoding included).
        var path = http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : http.Request.Path + http.Request.QueryString;
        var recorded = new RecordedRequest(http.Request.Method, path, headers, body, state.Options.TimeProvider.GetUtcNow());
        state.Journal.Add(recorded);
        return recorded;
    }

    private static async Task WriteAsync(HttpContext http, RecordedRequest recorded, EmulatorResponse response)
    {
        // Set before writing, so a client that has its response always finds the status in the journal.
        recorded.ResponseStatus = response.Status;
        try
        {
            await ResponseWriter.WriteAsync(http, response).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away mid-response; nothing left to tell it.
        }
        catch (IOException)
        {
        }
    }
}
