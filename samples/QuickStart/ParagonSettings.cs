using System;

namespace QuickStart;

/// <summary>Connection settings for a real Paragon project, from the environment.</summary>
internal sealed record ParagonSettings(string ProjectId, string? Token, string? SigningKey, string? UserId)
{
    public static ParagonSettings? FromEnvironment()
    {
        var projectId = Environment.GetEnvironmentVariable("PARAGON_PROJECT_ID");
        var token = Environment.GetEnvironmentVariable("PARAGON_USER_TOKEN");
        var signingKey = Environment.GetEnvironmentVariable("PARAGON_SIGNING_KEY");
        var userId = Environment.GetEnvironmentVariable("PARAGON_USER_ID");
        if (string.IsNullOrWhiteSpace(projectId) || (string.IsNullOrWhiteSpace(token) && (string.IsNullOrWhiteSpace(signingKey) || string.IsNullOrWhiteSpace(userId))))
        {
            return null;
        }

        return new ParagonSettings(projectId, token, signingKey, userId);
    }
}
