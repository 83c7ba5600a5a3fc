namespace ActionKit.Typed;

/// <summary>How an action's success response is read.</summary>
public enum ActionResultKind
{
    /// <summary>A JSON body read into the result type.</summary>
    Json = 0,

    /// <summary>A byte stream (for example a file download) returned as <see cref="ActionStreamResult"/>, never buffered.</summary>
    Binary = 1,
}
