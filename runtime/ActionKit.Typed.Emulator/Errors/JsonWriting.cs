using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Errors;

/// <summary>Writer settings for every body the emulator produces: readable (quotes and non-ASCII unescaped), compact.</summary>
internal static class JsonWriting
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
