using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActionKit.Typed.Serialization;

/// <summary>
/// The System.Text.Json converter of a generated type, over the type's generated reader and writer: each generated
/// converter declares only those two methods, not the overrides that every one of them would repeat.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GeneratedJsonConverter<T> : JsonConverter<T>
{
    private readonly JsonReadFunc<T> _read;
    private readonly Action<Utf8JsonWriter, T> _write;

    /// <summary>A converter that reads with <paramref name="read"/> and writes with <paramref name="write"/>.</summary>
    protected GeneratedJsonConverter(JsonReadFunc<T> read, Action<Utf8JsonWriter, T> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc/>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader);

    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);
}
