using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed;
using AgentTools.ActionKit;

namespace AgentTools;

/// <summary>
/// Runs an LLM tool call (a name and JSON arguments) as a typed request: the catalog finds the action, the
/// generated converter checks the arguments against the request type, and the client runs it. The answer is
/// what goes back to the model: the action's JSON result, or a short error it can act on.
/// </summary>
internal sealed class ToolDispatcher(ActionKitClient client)
{
    public async Task<string> DispatchAsync(string toolName, string argumentsJson, CancellationToken cancellationToken = default)
    {
        if (!ActionKitCatalog.TryGet(toolName, out var action))
        {
            return Error($"There is no tool named '{toolName}'.");
        }

        IActionRequest request;
        try
        {
            request = action.ParseRequest(argumentsJson);
        }
        catch (ArgumentException ex)
        {
            return Error(ex.Message);
        }

        try
        {
            var result = await client.RunAsync(request, cancellationToken: cancellationToken);
            return result.GetRawResponse().Content.ToString();
        }
        catch (ActionKitException ex)
        {
            return Error($"{action.Name} failed ({ex.Kind}): {ex.ErrorMessage}");
        }
    }

    private static string Error(string message) => $"{{\"error\":\"{JsonEncodedText.Encode(message)}\"}}";
}
