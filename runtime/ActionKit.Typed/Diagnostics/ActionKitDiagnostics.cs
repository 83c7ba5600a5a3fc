using System.Diagnostics;

namespace ActionKit.Typed;

/// <summary>
/// Tracing: one <see cref="Activity"/> per action run, Proxy call and Connect call from the <see cref="ActivitySourceName"/> source, tagged with
/// the action, integration, HTTP status, retry count and outcome. Tokens are never tagged.
/// Subscribe with OpenTelemetry's <c>AddSource("ActionKit.Typed")</c>.
/// </summary>
public static class ActionKitDiagnostics
{
    /// <summary>The <see cref="ActivitySource"/> name.</summary>
    public const string ActivitySourceName = "ActionKit.Typed";

    /// <summary>Tag: the action's wire name.</summary>
    public const string ActionTag = "actionkit.action";

    /// <summary>Tag: the action's integration.</summary>
    public const string IntegrationTag = "actionkit.integration";

    /// <summary>Tag: how many times the run was retried.</summary>
    public const string RetryCountTag = "actionkit.retry_count";

    /// <summary>Tag: the Paragon request id of a failed run.</summary>
    public const string RequestIdTag = "actionkit.request_id";

    /// <summary>Tag: the final HTTP status.</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>Tag: the <see cref="ActionKitErrorKind"/> of a failed run (OpenTelemetry's <c>error.type</c>).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The name of a run's activity.</summary>
    public const string RunActivityName = "ActionKit.Run";

    /// <summary>The name of a Proxy API call's activity.</summary>
    public const string ProxyActivityName = "ActionKit.Proxy";

    /// <summary>The name of a Connect API call's activity.</summary>
    public const string ConnectActivityName = "ActionKit.Connect";

    /// <summary>Tag: the HTTP method of a Proxy or Connect call.</summary>
    public const string MethodTag = "http.request.method";

    /// <summary>Tag: the Connect operation, for example <c>GetCredentials</c>.</summary>
    public const string OperationTag = "actionkit.operation";

    internal static ActivitySource Source { get; } = new(ActivitySourceName, typeof(ActionKitDiagnostics).Assembly.GetName().Version?.ToString());

    /// <summary>Marks a call's activity as failed with its status, request id, retry count and error type; always false, for exception filters.</summary>
    internal static bool RecordFailure(Activity? activity, System.Exception exception, int retryCount)
    {
        if (activity is null)
        {
            return false;
        }

        var kind = exception switch
        {
            ActionKitException ak => ak.Kind.ToString(),
            System.OperationCanceledException => "Canceled",
            _ => exception.GetType().Name,
        };
        if (activity.IsAllDataRequested)
        {
            if (exception is ActionKitException { Status: > 0 } failed)
            {
                activity.SetTag(StatusCodeTag, failed.Status);
            }

            if (exception is ActionKitException { RequestId: { } requestId })
            {
                activity.SetTag(RequestIdTag, requestId);
            }

            activity.SetTag(RetryCountTag, retryCount);
            activity.SetTag(ErrorTypeTag, kind);
        }

        activity.SetStatus(ActivityStatusCode.Error, kind);
        return false;
    }
}
