using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>A request to run one ActionKit action; generated request records implement it.</summary>
public interface IActionRequest
{
    /// <summary>The action this request runs.</summary>
    ActionDescriptor Descriptor { get; }

    /// <summary>Writes the request as the JSON object sent in <c>parameters</c>.</summary>
    void WriteParameters(Utf8JsonWriter writer);
}

/// <summary>A request whose action returns <typeparamref name="TResult"/>; lets <c>RunAsync</c> infer the result type.</summary>
public interface IActionRequest<TResult> : IActionRequest
{
    /// <summary>The action this request runs, with its typed result reader.</summary>
    new ActionDescriptor<TResult> Descriptor { get; }
}
