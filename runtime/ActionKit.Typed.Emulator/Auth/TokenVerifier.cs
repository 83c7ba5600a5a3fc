using System;
using System.Buffers.Text;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Auth;

/// <summary>
/// Checks a Paragon User Token the way the emulator needs: an RS256 JWT signed by the project's key, with the
/// <c>sub</c>, <c>iat</c> and <c>exp</c> claims Paragon requires, not expired. Hand-written over
/// System.Security.Cryptography so the emulator needs no JWT library and stays Native-AOT compatible.
/// </summary>
internal sealed class TokenVerifier(SigningKey key, TimeProvider time, TimeSpan clockSkew, string? requiredAudience = null)
{
    /// <summary>Verifies an <c>Authorization</c> header value.</summary>
    public TokenCheck Verify(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return TokenCheck.Fail("Missing Authorization header. Send 'Authorization: Bearer <Paragon User Token>'.");
        }

        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Fail("The Authorization header must use the Bearer scheme.");
        }

        var token = authorization[scheme.Length..].Trim();
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || token.IndexOf('.', firstDot + 1) != lastDot)
        {
            return TokenCheck.Fail("The token is not a JWT (header.payload.signature).");
        }

        if (!TryDecode(token.AsSpan(0, firstDot), out var headerBytes)
            || !TryDecode(token.AsSpan(firstDot + 1, lastDot - firstDot - 1), out var payloadBytes)
            || !TryDecode(token.AsSpan(lastDot + 1), out var signature))
        {
            return TokenCheck.Fail("The token is not valid base64url.");
        }

        try
        {
            using var header = JsonDocument.Parse(headerBytes);
            if (header.RootElement.ValueKind != JsonValueKind.Object
                || !header.RootElement.TryGetProperty("alg", out var alg)
                || alg.ValueKind != JsonValueKind.String
                || alg.GetString() != "RS256")
            {
                return TokenCheck.Fail("The token must be signed with RS256.");
            }

            if (!key.Verify(Encoding.ASCII.GetBytes(token[..lastDot]), signature))
            {
                return TokenCheck.Fail("The token signature is invalid for this project's signing key.");
            }

            using var payload = JsonDocument.Parse(payloadBytes);
            return CheckClaims(payload.RootElement);
        }
        catch (JsonException)
        {
            return TokenCheck.Fail("The token's header or payload is not JSON.");
        }
    }

    /// <summary>Reads <c>sub</c> from a token without checking it, for emulators that do not require tokens.</summary>
    public static string? ReadSubjectUnverified(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = authorization[7..].Trim().Split('.');
        if (parts.Length != 3 || !TryDecode(parts[1], out var payloadBytes))
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(payloadBytes);
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("sub", out var sub)
                && sub.ValueKind == JsonValueKind.String
                ? sub.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private TokenCheck CheckClaims(JsonElement claims)
    {
        if (claims.ValueKind != JsonValueKind.Object)
        {
            return TokenCheck.Fail("The token payload must be a JSON object.");
        }

        if (!claims.TryGetProperty("sub", out var sub) || sub.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(sub.GetString()))
        {
            return TokenCheck.Fail("The token must include the 'sub' claim (the Connected User's id).");
        }

        if (!TryNumericDate(claims, "iat", out _))
        {
            return TokenCheck.Fail("The token must include the 'iat' claim (NumericDate).");
        }

        if (!TryNumericDate(claims, "exp", out var exp))
        {
            return TokenCheck.Fail("The token must include the 'exp' claim (NumericDate).");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (exp + (long)clockSkew.TotalSeconds <= now)
        {
            return TokenCheck.Fail("The token has expired.");
        }

        if (TryNumericDate(claims, "nbf", out var nbf) && nbf - (long)clockSkew.TotalSeconds > now)
        {
            return TokenCheck.Fail("The token is not valid yet (nbf).");
        }

        if (requiredAudience is not null && !HasAudience(claims, requiredAudience))
        {
            return TokenCheck.Fail($"The token's 'aud' claim must be '{requiredAudience}'.");
        }

        return TokenCheck.Success(sub.GetString()!);
    }

    /// <summary><c>aud</c> is a string or an array of strings (RFC 7519).</summary>
    private static bool HasAudience(JsonElement claims, string audience)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return false;
        }

        if (aud.ValueKind == JsonValueKind.String)
        {
            return aud.GetString() == audience;
        }

        return aud.ValueKind == JsonValueKind.Array && aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == audience);
    }

    private static bool TryNumericDate(JsonElement claims, string name, out long seconds)
    {
        seconds = 0;
        if (!claims.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetInt64(out seconds))
        {
            return true;
        }

        // NumericDate may carry a fraction.
        seconds = (long)Math.Floor(value.GetDouble());
        return true;
    }

    private static bool TryDecode(ReadOnlySpan<char> base64Url, out byte[] bytes)
    {
        bytes = [];
        if (base64Url.IsEmpty || !Base64Url.IsValid(base64Url))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(base64Url);
        return true;
    }
}

/// <summary>The outcome of a token check: the user's id, or why the token was refused.</summary>
internal readonly record struct TokenCheck(bool Succeeded, string? Subject, string? Error)
{
    public static TokenCheck Success(string subject) => new(true, subject, null);

    public static TokenCheck Fail(string error) => new(false, null, error);
}
