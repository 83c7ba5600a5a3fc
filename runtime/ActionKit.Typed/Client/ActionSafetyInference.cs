using System;

namespace ActionKit.Typed;

/// <summary>
/// The safety of an action known only by name, by the same rule the generator uses without annotations:
/// a <c>GET</c>, <c>LIST</c>, <c>SEARCH</c> or <c>DESCRIBE</c> word after the integration prefix means read; anything else is a write.
/// </summary>
internal static class ActionSafetyInference
{
    public static ActionSafety FromName(string actionName)
    {
        var words = actionName.Split('_', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i].Equals("GET", StringComparison.OrdinalIgnoreCase) ||
                words[i].Equals("LIST", StringComparison.OrdinalIgnoreCase) ||
                words[i].Equals("SEARCH", StringComparison.OrdinalIgnoreCase) ||
                words[i].Equals("DESCRIBE", StringComparison.OrdinalIgnoreCase))
            {
                return ActionSafety.Read;
            }
        }

        return ActionSafety.Write;
    }
}
