using System.Text.Json;

namespace ActionKit.Typed.Serialization;

/// <summary>Reads a <typeparamref name="T"/> from the reader's current value and leaves it on the value's last token.</summary>
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);
