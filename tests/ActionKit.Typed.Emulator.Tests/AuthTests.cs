using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.Tokens;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class AuthTests : EmulatorTest
{
    [Fact]
    public async Task Missing_token_is_401_with_the_error_body()
    {
        Http.DefaultRequestHeaders.Authorization = null;

        using var response = await Http.GetAsync(ActionsPath, Ct);

        (await ReadErrorAsync(response, 401, EmulatorErrorCodes.Unauthorized)).ShouldContain("Authorization");
        Emulator.Journal.Single().UserId.ShouldBeNull();
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_401()
    {
        UseToken(TestKeys.Token(TestKeys.OtherSigningKeyPem));

        using var response = await Http.GetAsync(ActionsPath, Ct);

        (await ReadErrorAsync(response, 401, EmulatorErrorCodes.Unauthorized)).ShouldContain("signature");
    }

    [Fact]
    public async Task Tampered_payload_is_401()
    {
        var parts = TestKeys.Token(TestKeys.SigningKeyPem, "user-1").Split('.');
        var other = TestKeys.Token(TestKeys.SigningKeyPem, "admin").Split('.');
        UseToken($"{parts[0]}.{other[1]}.{parts[2]}");

        using var response = await Http.GetAsync(ActionsPath, Ct);

        (await ReadErrorAsync(response, 401, EmulatorErrorCodes.Unauthorized)).ShouldContain("signature");
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        UseToken(TestKeys.Token(TestKeys.SigningKeyPem, issuedAt: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1)));

        using var response = await Http.GetAsync(ActionsPath, Ct);

        (await ReadErrorAsync(response, 401, EmulatorErrorCodes.Unauthorized)).ShouldContain("expired");
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("iat")]
    [InlineData("exp")]
    public async Task Token_without_a_required_claim_is_401(string claim)
    {
        UseToken(TestKeys.Token(
            TestKeys.SigningKeyPem,
            subject: claim == "sub" ? null : "user-1",
            includeIat: claim != "iat",
            includeExp: claim != "exp"));

        using var response = await Http.GetAsync(ActionsPath, Ct);

        (await ReadErrorAsync(response, 401, EmulatorErrorCodes.Unauthorized)).ShouldContain($"'{claim}'");
    }

    [Fact]
    public async Task Other_algorithms_are_refused()
    {
        UseToken(TestKeys.Token(TestKeys.SigningKeyPem, algorithm: SecurityAlgorithms.RsaSha512));

        using var response = await Http.GetAsync(ActionsPath, Ct);

        (await ReadErrorAsync(response, 401, EmulatorErrorCodes.Unauthorized)).ShouldContain("RS256");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    public async Task Malformed_authorization_is_401(string header)
    {
        Http.DefaultRequestHeaders.Remove("Authorization");
        Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        using var response = await Http.GetAsync(ActionsPath, Ct);

        await ReadErrorAsync(response, 401, EmulatorErrorCodes.Unauthorized);
    }

    [Fact]
    public async Task The_tokens_sub_is_the_user()
    {
        Emulator.DisconnectIntegration("user-2", "notion");
        UseToken(TestKeys.Token(TestKeys.SigningKeyPem, "user-2"));

        using var asUser2 = await RunAsync("NOTION_SEARCH_PAGES");
        UseToken(TestKeys.Token(TestKeys.SigningKeyPem, "user-3"));
        using var asUser3 = await RunAsync("NOTION_SEARCH_PAGES");

        (await ReadErrorAsync(asUser2, 400, EmulatorErrorCodes.IntegrationNotEnabled)).ShouldBe("Integration not enabled for user.");
        asUser3.StatusCode.ShouldBe(HttpStatusCode.OK);
        Emulator.Journal.Select(r => r.UserId).ShouldBe(["user-2", "user-3"]);
    }

    [Fact]
    public async Task Tokens_from_CreateUserToken_validate_with_an_independent_library()
    {
        var token = Emulator.CreateUserToken("user-9");

        var validation = await TestKeys.ValidateAsync(token, Emulator.PublicKeyPem);

        validation.IsValid.ShouldBeTrue(validation.Exception?.Message);
        validation.Claims["sub"].ShouldBe("user-9");
        UseToken(token);
        using var response = await Http.GetAsync(ActionsPath, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Configured_signing_key_is_the_one_given_out()
    {
        Emulator.SigningKeyPem.ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        var validation = await TestKeys.ValidateAsync(TestKeys.Token(TestKeys.SigningKeyPem), Emulator.PublicKeyPem);
        validation.IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task A_generated_key_is_given_out_when_none_is_configured()
    {
        var options = TestCatalog.Options();
        options.SigningKeyPem = null;
        await StartAsync(options);

        Emulator.SigningKeyPem.ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        Emulator.SigningKeyPem.ShouldNotBe(TestKeys.SigningKeyPem);
        using var response = await Http.GetAsync(ActionsPath, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_public_key_alone_verifies_tokens()
    {
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(TestKeys.SigningKeyPem);
        var options = TestCatalog.Options();
        options.SigningKeyPem = null;
        options.PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem();
        await StartAsync(options);
        UseToken(TestKeys.Token(TestKeys.SigningKeyPem));

        using var response = await Http.GetAsync(ActionsPath, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Should.Throw<InvalidOperationException>(() => Emulator.SigningKeyPem);
    }

    [Fact]
    public async Task Tokens_are_optional_when_not_required()
    {
        var options = TestCatalog.Options();
        options.RequireToken = false;
        await StartAsync(options);
        Http.DefaultRequestHeaders.Authorization = null;
        Emulator.DisconnectIntegration("emulator-user", "notion");

        using var list = await Http.GetAsync(ActionsPath, Ct);
        using var run = await RunAsync("NOTION_SEARCH_PAGES");

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadErrorAsync(run, 400, EmulatorErrorCodes.IntegrationNotEnabled)).ShouldBe("Integration not enabled for user.");
    }

    [Fact]
    public async Task Required_audience_is_checked_when_configured()
    {
        var options = TestCatalog.Options();
        options.RequiredAudience = "useparagon.com/emulator-project";
        await StartAsync(options);

        UseToken(TestKeys.Token(TestKeys.SigningKeyPem));
        using var without = await Http.GetAsync(ActionsPath, Ct);
        UseToken(TestKeys.Token(TestKeys.SigningKeyPem, audience: "useparagon.com/other"));
        using var wrong = await Http.GetAsync(ActionsPath, Ct);
        UseToken(TestKeys.Token(TestKeys.SigningKeyPem, audience: "useparagon.com/emulator-project"));
        using var right = await Http.GetAsync(ActionsPath, Ct);

        (await ReadErrorAsync(without, 401, EmulatorErrorCodes.Unauthorized)).ShouldContain("'aud'");
        await ReadErrorAsync(wrong, 401, EmulatorErrorCodes.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Clock_skew_tolerates_a_just_expired_token()
    {
        var options = TestCatalog.Options();
        options.ClockSkew = TimeSpan.FromMinutes(5);
        await StartAsync(options);
        UseToken(TestKeys.Token(TestKeys.SigningKeyPem, issuedAt: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddMinutes(-1)));

        using var response = await Http.GetAsync(ActionsPath, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Expiry_follows_the_emulators_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = TestCatalog.Options();
        options.TimeProvider = clock;
        await StartAsync(options);
        UseToken(Emulator.CreateUserToken("user-1", TimeSpan.FromMinutes(10)));

        using var fresh = await Http.GetAsync(ActionsPath, Ct);
        clock.Advance(TimeSpan.FromMinutes(11));
        using var stale = await Http.GetAsync(ActionsPath, Ct);

        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadErrorAsync(stale, 401, EmulatorErrorCodes.Unauthorized)).ShouldContain("expired");
        Emulator.Journal.Last!.Timestamp.ShouldBe(clock.GetUtcNow());
    }

    [Fact]
    public async Task Options_changed_after_start_do_not_change_the_running_emulator()
    {
        var options = TestCatalog.Options();
        await StartAsync(options);
        options.RequireToken = false;
        options.ProjectId = "changed";
        Http.DefaultRequestHeaders.Authorization = null;

        using var response = await Http.GetAsync(ActionsPath, Ct);

        Emulator.ProjectId.ShouldBe(ActionKitEmulator.DefaultProjectId);
        await ReadErrorAsync(response, 401, EmulatorErrorCodes.Unauthorized);
    }

    private void UseToken(string token) => Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}
