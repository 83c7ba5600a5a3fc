using System;
using System.Security.Cryptography;

namespace ActionKit.Typed;

/// <summary>The project's RSA signing key, parsed once and shared by every token minted from it.</summary>
internal sealed class SigningKey : IDisposable
{
    private readonly RSA _rsa;

    private SigningKey(RSA rsa) => _rsa = rsa;

    /// <summary>Parses a PEM private key; environment variables often carry it with literal <c>\n</c>, which is accepted.</summary>
    /// <exception cref="ArgumentException">The text is not an RSA private key. The message never quotes the key.</exception>
    public static SigningKey Parse(string pem, string paramName)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new ArgumentException("The project's signing key (a PEM RSA private key) is required.", paramName);
        }

        var normalized = Normalize(pem);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(normalized);

            // A public key imports fine but cannot sign: find out now, not on the first request.
            rsa.SignData([0], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException(
                "The signing key is not a PEM RSA private key (expected '-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----'; the dashboard's Settings > SDK Setup generates one).",
                paramName);
        }

        return new SigningKey(rsa);
    }

    public byte[] Sign(ReadOnlySpan<byte> data) => _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void Dispose() => _rsa.Dispose();

    internal static string Normalize(string pem)
    {
        var text = pem.Trim();

        // Quoted values from .env files keep their quotes.
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0])
        {
            text = text[1..^1];
        }

        return text.Replace("\\r\\n", "\n", StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
