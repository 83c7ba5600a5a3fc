using System.Security.Cryptography;

namespace ActionKit.Typed.Tests;

/// <summary>A throwaway RSA key pair for minting and verifying tokens in tests.</summary>
public static class TestKeys
{
    private static readonly RSA Rsa = RSA.Create(2048);

    public static string PrivateKeyPem { get; } = Rsa.ExportPkcs8PrivateKeyPem();

    public static string RsaPrivateKeyPem { get; } = Rsa.ExportRSAPrivateKeyPem();

    public static string PublicKeyPem { get; } = Rsa.ExportSubjectPublicKeyInfoPem();

    public static RSAParameters PublicParameters { get; } = Rsa.ExportParameters(false);
}
