using System;
using System.Collections.Generic;

namespace ActionKit.Typed;

/// <summary>How <see cref="ParagonUserToken"/> mints tokens.</summary>
public sealed class ParagonUserTokenOptions
{
    /// <summary>How long a minted token is valid (<c>exp - iat</c>). Default: one hour, as Paragon's setup guide uses.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before expiry a cached token is replaced by a new one. Default: five minutes.</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The <c>aud</c> claim, or null to omit it (Paragon accepts both). The recommended form is
    /// <c>useparagon.com/{projectId}</c>; see <see cref="ParagonUserToken.AudienceFor(string)"/>.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>
    /// JWT Permissions (claim <c>urn:useparagon:connect:permissions</c>), for example <c>{"integration:*": true}</c>;
    /// null omits the claim. ActionKit calls need the <c>actionkit</c> permission when this claim is used.
    /// </summary>
    public IReadOnlyDictionary<string, bool>? Permissions { get; set; }

    /// <summary>The clock used for <c>iat</c>, <c>exp</c> and refresh. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
