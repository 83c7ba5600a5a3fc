using System.Collections.Generic;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Catalog;

/// <summary>One action the emulator serves: its tool object as List Actions returns it, and what annotations add.</summary>
internal sealed class EmulatedAction(string name, string integration, JsonElement tool, JsonElement parameters, IReadOnlyList<string> required)
{
    /// <summary>The wire name, for example <c>SLACK_SEND_MESSAGE</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The integration key it is listed under.</summary>
    public string Integration { get; } = integration;

    /// <summary>The tool object, written back verbatim by List Actions.</summary>
    public JsonElement Tool { get; } = tool;

    /// <summary>The <c>parameters</c> JSON Schema (undefined when the tool has none).</summary>
    public JsonElement Parameters { get; } = parameters;

    /// <summary>The top-level required parameter names.</summary>
    public IReadOnlyList<string> Required { get; } = required;

    /// <summary>The annotation for this action, when an annotation file has one.</summary>
    public ActionAnnotation? Annotation { get; set; }
}
