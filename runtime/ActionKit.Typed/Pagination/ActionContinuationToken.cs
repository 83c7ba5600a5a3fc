using System;
using System.Buffers;
using System.Buffers.Text;
using System.ClientModel;
using System.Text;
using System.Text.Json;

namespace ActionKit.Typed;

/// <summary>
/// Where a paginated enumeration continues: the action, a hash of its other parameters, and the position of the
/// next page. Portable across clients and processes as bytes (<see cref="ToBytes"/>) or a URL-safe string
/// (<see cref="ToString"/>); versioned so older tokens stay readable.
/// </summary>
public sealed class ActionContinuationToken : ContinuationToken
{
    private const int CurrentVersion = 1;

    internal ActionContinuationToken(string actionName, string parametersHash, string? positionJson)
    {
        ActionName = actionName;
        ParametersHash = parametersHash;
        PositionJson = positionJson;
    }

    /// <summary>The action the token belongs to.</summary>
    public string ActionName { get; }

    /// <summary>A hash of the request's parameters other than the page position and size.</summary>
    public string ParametersHash { get; }

    /// <summary>The next page's position as raw JSON (a cursor, an offset or a page number), or null for the first page.</summary>
    public string? PositionJson { get; }

    /// <inheritdoc/>
    public override BinaryData ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v"u8, CurrentVersion);
            writer.WriteString("a"u8, ActionName);
            writer.WriteString("h"u8, ParametersHash);
            if (PositionJson is not null)
            {
                writer.WritePropertyName("p"u8);
                writer.WriteRawValue(PositionJson, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return new BinaryData(buffer.WrittenMemory);
    }

    /// <summary>The token as a URL-safe string.</summary>
    public override string ToString() => Base64Url.EncodeToString(ToBytes().ToMemory().Span);

    /// <summary>Reads a token from its string form.</summary>
    /// <exception cref="ArgumentException">The text is not a continuation token.</exception>
    public static ActionContinuationToken Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException ex)
        {
            throw Corrupted(nameof(text), ex);
        }

        return FromToken(ContinuationToken.FromBytes(new BinaryData(bytes)), nameof(text));
    }

    /// <summary>Reads any continuation token (for example one rebuilt with <see cref="ContinuationToken.FromBytes"/>).</summary>
    /// <exception cref="ArgumentException">The bytes are not an ActionKit continuation token.</exception>
    public static ActionContinuationToken FromToken(ContinuationToken token, string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token is ActionContinuationToken typed)
        {
            return typed;
        }

        try
        {
            using var document = JsonDocument.Parse(token.ToBytes());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("v", out var version) || !version.TryGetInt32(out var v)
                || !root.TryGetProperty("a", out var action) || action.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("h", out var hash) || hash.ValueKind != JsonValueKind.String)
            {
                throw Corrupted(paramName ?? nameof(token));
            }

            if (v > CurrentVersion)
            {
                throw new ArgumentException($"The continuation token has version {v}, newer than this SDK reads ({CurrentVersion}).", paramName ?? nameof(token));
            }

            var position = root.TryGetProperty("p", out var p) ? p.GetRawText() : null;
            return new ActionContinuationToken(action.GetString()!, hash.GetString()!, position);
        }
        catch (JsonException ex)
        {
            throw Corrupted(paramName ?? nameof(token), ex);
        }
        catch (InvalidOperationException ex)
        {
            throw Corrupted(paramName ?? nameof(token), ex);
        }
    }

    private static ArgumentException Corrupted(string paramName, Exception? inner = null) =>
        new("The continuation token is corrupted or was not made by ActionKit.Typed.", paramName, inner);
}
