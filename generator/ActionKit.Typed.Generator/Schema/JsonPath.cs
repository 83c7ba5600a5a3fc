using System.Globalization;
using System.Text;

namespace ActionKit.Typed.Generator.Schema;

/// <summary>A path to a value in a JSON document, kept so a diagnostic can be located only when one is reported.</summary>
internal sealed class JsonPath
{
    public static readonly JsonPath Root = new(null, null, -1);

    private JsonPath(JsonPath? parent, string? property, int index)
    {
        Parent = parent;
        Property = property;
        Index = index;
    }

    public JsonPath? Parent { get; }

    public string? Property { get; }

    public int Index { get; }

    public JsonPath Prop(string name) => new(this, name, -1);

    public JsonPath At(int index) => new(this, null, index);

    /// <summary>The segments from the root down to this one (the root itself has none).</summary>
    public JsonPath[] Segments()
    {
        var depth = 0;
        for (var p = this; p.Parent is not null; p = p.Parent)
        {
            depth++;
        }

        var segments = new JsonPath[depth];
        for (var p = this; p.Parent is not null; p = p.Parent)
        {
            segments[--depth] = p;
        }

        return segments;
    }

    public override string ToString()
    {
        var builder = new StringBuilder("$");
        foreach (var segment in Segments())
        {
            if (segment.Property is not null)
            {
                builder.Append('.').Append(segment.Property);
            }
            else
            {
                builder.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return builder.ToString();
    }
}
