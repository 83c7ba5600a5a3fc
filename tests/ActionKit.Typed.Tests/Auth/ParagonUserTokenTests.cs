using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.Auth;

public sealed class ParagonUserTokenTests
{
    // The verifier checks lifetime against the real clock, so the fake clock starts at the real time.
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public async Task Minted_token_is_an_rs256_jwt_that_an_independent_library_verifies()
    {
        var time = new RecordingTimeProvider();
        time.Fake.SetUtcNow(Now);
        var token = ParagonUserToken.Create(TestKeys.PrivateKeyPem, "user-42", new ParagonUserTokenOptions
        {
            Lifetime = TimeSpan.FromMinutes(30),
            Audience = ParagonUserToken.AudienceFor("proj-1"),
            Permissions = new Dictionary<string, bool> { ["actionkit"] = true, ["integration:slack"] = true },
            TimeProvider = time,
        });

        var result = await Validate(token, audience: "useparagon.com/proj-1");

        result.IsValid.ShouldBeTrue(result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        jwt.Alg.ShouldBe("RS256");
        jwt.Typ.ShouldBe("JWT");
        jwt.Subject.ShouldBe("user-42");
        jwt.GetPayloadValue<long>("iat").ShouldBe(Now.ToUnixTimeSeconds());
        jwt.GetPayloadValue<long>("exp").ShouldBe(Now.AddMinutes(30).ToUnixTimeSeconds());
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload)).RootElement;
        var permissions = payload.GetProperty(ParagonUserToken.PermissionsClaim);
        permissions.GetProperty("actionkit").GetBoolean().ShouldBeTrue();
        permissions.GetProperty("integration:slack").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Minimal_token_has_only_sub_iat_and_exp()
    {
        var token = ParagonUserToken.Create(TestKeys.PrivateKeyPem, "user-1");

        var result = await Validate(token, audience: null);

        result.IsValid.ShouldBeTrue(result.Exception?.ToString());
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(((JsonWebToken)result.SecurityToken).EncodedPayload)).RootElement;
        payload.EnumerateObject().Select(p => p.Name).ShouldBe(["sub", "iat", "exp"]);
    }

    [Fact]
    public async Task Pem_with_literal_backslash_n_and_pkcs1_pem_are_accepted()
    {
        var escaped = "\"" + TestKeys.RsaPrivateKeyPem.Replace("\n", "\\n") + "\"";

        var token = ParagonUserToken.Create(escaped, "user-1");

        (await Validate(token, audience: null)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Token_is_cached_and_reminted_before_expiry()
    {
        var time = new RecordingTimeProvider();
        using var minter = new ParagonUserToken(TestKeys.PrivateKeyPem, "user-1", new ParagonUserTokenOptions
        {
            Lifetime = TimeSpan.FromHours(1),
            RefreshBeforeExpiry = TimeSpan.FromMinutes(5),
            TimeProvider = time,
        });

        var first = await minter.GetTokenAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(54));
        (await minter.GetTokenAsync(TestContext.Current.CancellationToken)).ShouldBe(first);
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await minter.GetTokenAsync(TestContext.Current.CancellationToken);

        second.ShouldNotBe(first);
        minter.ExpiresOn.ShouldBe(time.GetUtcNow().AddHours(1));
        minter.ToString().ShouldNotContain(second);
    }

    [Fact]
    public void A_public_key_or_garbage_is_refused_without_quoting_it()
    {
        var error = Should.Throw<ArgumentException>(() => new ParagonUserToken(TestKeys.PublicKeyPem, "u"));
        error.ParamName.ShouldBe("signingKeyPem");
        error.Message.ShouldNotContain("MII");

        Should.Throw<ArgumentException>(() => new ParagonUserToken("not a key", "u")).ParamName.ShouldBe("signingKeyPem");
        Should.Throw<ArgumentException>(() => new ParagonUserToken(TestKeys.PrivateKeyPem, " ")).ParamName.ShouldBe("userId");
    }

    [Fact]
    public async Task Client_mints_from_signing_key_and_user_id()
    {
        var server = new FakeActionKit();
        var client = Clients.Create(server, o =>
        {
            o.Token = null;
            o.SigningKey = TestKeys.PrivateKeyPem.Replace("\n", "\\n");
            o.UserId = "user-7";
        });

        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        var bearer = server.Requests.ShouldHaveSingleItem().Header("Authorization")!;
        bearer.ShouldStartWith("Bearer ");
        var result = await Validate(bearer["Bearer ".Length..], audience: null, validateLifetime: false);
        result.IsValid.ShouldBeTrue(result.Exception?.ToString());
        ((JsonWebToken)result.SecurityToken).Subject.ShouldBe("user-7");
    }

    private static Task<TokenValidationResult> Validate(string token, string? audience, bool validateLifetime = true)
    {
        var key = new RsaSecurityKey(RSA.Create(TestKeys.PublicParameters));
        return new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidateIssuer = false,
            ValidateAudience = audience is not null,
            ValidAudience = audience,
            ValidateLifetime = validateLifetime,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
        });
    }
}
