using System;
using System.Security.Cryptography;

namespace ActionKit.Typed.Emulator.Auth;

/// <summary>The project's RSA key pair: the private half signs user tokens (the test's side), the public half verifies them.</summary>
internal sealed class SigningKey : IDisposable
{
    private readonly RSA _publicKey;

    private SigningKey(string? privateKeyPem, RSA publicKey)
    {
        PrivateKeyPem = privateKeyPem;
        _publicKey = publicKey;
        PublicKeyPem = publicKey.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>The PKCS#8 private key PEM, or null when only a public key was configured.</summary>
    public string? PrivateKeyPem { get; }

    /// <summary>The SubjectPublicKeyInfo PEM.</summary>
    public string PublicKeyPem { get; }

    /// <summary>Uses the configured private key, else the configured public key, else a new 2048-bit key.</summary>
    public static SigningKey Create(string? signingKeyPem, string? publicKeyPem)
    {
        if (!string.IsNullOrWhiteSpace(signingKeyPem))
        {
            using var rsa = Import(signingKeyPem, nameof(ActionKitEmulatorOptions.SigningKeyPem));
            // Normalise to PKCS#8 whatever the input (PKCS#1 "RSA PRIVATE KEY" is common in dashboards' downloads).
            var pkcs8 = rsa.ExportPkcs8PrivateKeyPem();
            return new SigningKey(pkcs8, PublicOnly(rsa));
        }

        if (!string.IsNullOrWhiteSpace(publicKeyPem))
        {
            var rsa = Import(publicKeyPem, nameof(ActionKitEmulatorOptions.PublicKeyPem));
            return new SigningKey(null, rsa);
        }

        using var generated = RSA.Create(2048);
        return new SigningKey(generated.ExportPkcs8PrivateKeyPem(), PublicOnly(generated));
    }

    /// <summary>Checks an RS256 signature; safe to call from concurrent requests.</summary>
    public bool Verify(ReadOnlySpan<byte> signedData, ReadOnlySpan<byte> signature)
    {
        lock (_publicKey)
        {
            return _publicKey.VerifyData(signedData, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    public void Dispose() => _publicKey.Dispose();

    private static RSA PublicOnly(RSA rsa)
    {
        var publicKey = RSA.Create();
        publicKey.ImportParameters(rsa.ExportParameters(includePrivateParameters: false));
        return publicKey;
    }

    private static RSA Import(string pem, string optionName)
    {
        // Keys kept in environment variables often carry literal "\n" sequences instead of line breaks.
        var text = pem.Contains("\\n", StringComparison.Ordinal) ? pem.Replace("\\n", "\n", StringComparison.Ordinal) : pem;
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(text);
            return rsa;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException($"{optionName} is not an RSA key in PEM form: {ex.Message}", optionName, ex);
        }
    }
}
