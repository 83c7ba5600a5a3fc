using System;
using System.IO;
using ActionKit.Typed;
using ActionKit.Typed.Cli.Common;

namespace ActionKit.Typed.Cli.Pull;

/// <summary>
/// The Paragon user token for List Actions: given (<c>--token</c>, <c>PARAGON_USER_TOKEN</c>), or minted from the
/// project's signing key (<c>--signing-key</c> file or <c>PARAGON_SIGNING_KEY</c>) for a user id
/// (<c>--user-id</c>, <c>PARAGON_USER_ID</c>).
/// </summary>
internal static class UserTokenSource
{
    public static string Resolve(CliContext context, string? token, string? signingKeyFile, string? userId, string projectId)
    {
        token ??= context.Variable("PARAGON_USER_TOKEN");
        if (!string.IsNullOrWhiteSpace(token))
        {
            return token.Trim();
        }

        var pem = ReadSigningKey(context, signingKeyFile);
        userId ??= context.Variable("PARAGON_USER_ID");
        if (pem is null)
        {
            throw new CliException("No credentials: pass --token (or set PARAGON_USER_TOKEN), or --signing-key and --user-id (or set PARAGON_SIGNING_KEY and PARAGON_USER_ID).");
        }

        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new CliException("A signing key needs the user whose schemas to pull: pass --user-id (or set PARAGON_USER_ID).");
        }

        return Mint(pem, userId.Trim(), projectId);
    }

    /// <summary>
    /// Mints a short-lived token with the runtime's <see cref="ParagonUserToken"/>, with the audience Paragon's setup
    /// guide recommends (<c>useparagon.com/{projectId}</c>).
    /// </summary>
    private static string Mint(string pem, string userId, string projectId)
    {
        try
        {
            return ParagonUserToken.Create(pem, userId, new ParagonUserTokenOptions
            {
                Lifetime = TimeSpan.FromMinutes(15),
                Audience = ParagonUserToken.AudienceFor(projectId),
            });
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"Cannot mint a user token from the signing key: {ex.Message}", ex);
        }
    }

    /// <summary>The PEM text from a file, or from PARAGON_SIGNING_KEY (PEM text, with literal \n allowed, or a file path).</summary>
    private static string? ReadSigningKey(CliContext context, string? file)
    {
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new CliException($"The signing key file '{file}' does not exist.");
            }

            return File.ReadAllText(file);
        }

        var value = context.Variable("PARAGON_SIGNING_KEY");
        if (value is null)
        {
            return null;
        }

        if (value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return value.Replace("\\n", "\n", StringComparison.Ordinal);
        }

        if (File.Exists(value))
        {
            return File.ReadAllText(value);
        }

        throw new CliException("PARAGON_SIGNING_KEY is neither a PEM private key nor the path of one.");
    }
}
