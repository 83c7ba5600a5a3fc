namespace ActionKit.Typed;

/// <summary>Whether an action may be sent again after a fault without risk of doing its work twice.</summary>
public enum ActionSafety
{
    /// <summary>The action changes something; the SDK never sends it twice on its own.</summary>
    Write = 0,

    /// <summary>The action only reads; it is retried after server faults and transport errors.</summary>
    Read = 1,
}
