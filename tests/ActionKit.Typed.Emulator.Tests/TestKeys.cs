using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ActionKit.Typed.Emulator.Tests;

/// <summary>Keys and tokens signed with Microsoft.IdentityModel, independently of the emulator's own code.</summary>
internal static class TestKeys
{
    private static readonly Lazy<string> Key = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    });

    private static readonly Lazy<string> OtherKey = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    });

    /// <summary>One key for the whole run (generating RSA keys is slow).</summary>
    public static string SigningKeyPem => Key.Value;

    /// <summary>A key the emulator does not know.</summary>
    public static string OtherSigningKeyPem => OtherKey.Value;

    public static string Token(
        string pem,
        string? subject = "user-1",
        DateTime? issuedAt = null,
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        bool includeIat = true,
        bool includeExp = true,
        string? audience = null)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var now = DateTime.UtcNow;
        var iat = issuedAt ?? now.AddMinutes(-1);
        var exp = expires ?? now.AddHours(1);
        var claims = new Dictionary<string, object>();
        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        if (includeIat)
        {
            claims["iat"] = EpochTime.GetIntDate(iat);
        }

        if (includeExp)
        {
            claims["exp"] = EpochTime.GetIntDate(exp);
        }

        if (audience is not null)
        {
            claims["aud"] = audience;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), algorithm),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(descriptor);
    }

    public static async Task<TokenValidationResult> ValidateAsync(string token, string publicKeyPem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(rsa),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
    }
}
