using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using ActionKit.Typed;

namespace AgentTools;

/// <summary>Turns catalog actions into LLM tool definitions, in the function format ActionKit's List Actions returns.</summary>
internal static class ToolDefinitions
{
    public static string Write(IEnumerable<ActionDescriptor> actions, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartArray();
            foreach (var action in actions)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "function");
                writer.WriteStartObject("function");
                writer.WriteString("name", action.Name);
                writer.WriteString("description", action.Description);
                writer.WritePropertyName("parameters");
                action.ParametersSchema.WriteTo(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
