using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;
using ActionKit.Typed.Cli.Pull;
using ActionKit.Typed.Cli.Tests.Infrastructure;
using ActionKit.Typed.Emulator;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Cli.Tests;

/// <summary>pull against the local ActionKit emulator: real token checks, the bundled catalog, injected faults.</summary>
public sealed class EmulatorPullTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private ActionKitEmulator _emulator = null!;
    private string _signingKey = null!;

    private string Out => _temp.Combine("actionkit");

    public async ValueTask InitializeAsync()
    {
        _emulator = await ActionKitEmulator.StartAsync(new ActionKitEmulatorOptions(), TestContext.Current.CancellationToken);
        _signingKey = _temp.Write("signing-key.pem", _emulator.SigningKeyPem);
    }

    public async ValueTask DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _temp.Dispose();
    }

    private Task<CliRun> PullAsync(params string[] extra) =>
        ActionKitCli.RunAsync(new[] { "pull", "--project-id", _emulator.ProjectId, "--signing-key", _signingKey, "--user-id", "user-1", "--endpoint", _emulator.BaseAddress.ToString(), "--out", Out }.Concat(extra).ToArray());

    [Fact]
    public async Task The_bundled_catalog_pulls_back_to_the_checked_in_files()
    {
        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        var pulled = Directory.GetFiles(Out).Select(f => Path.GetFileName(f)!).OrderBy(f => f, StringComparer.Ordinal).ToList();
        pulled.ShouldBe(Directory.GetFiles(Repo.Schemas, "*.json").Where(f => !SchemaFiles.IsAnnotation(f)).Select(f => Path.GetFileName(f)!).OrderBy(f => f, StringComparer.Ordinal));
        var diff = await ActionKitCli.RunAsync("diff", Repo.Schemas, Out, "--verbose");
        diff.ExitCode.ShouldBe(ExitCodes.Success, diff.ToString());
        (await ActionKitCli.RunAsync("validate", Out)).ExitCode.ShouldBe(ExitCodes.Success);

        // Through the emulator nothing is lost: each pulled file is the bundled file in normalized form, byte for byte.
        foreach (var file in pulled)
        {
            var normalized = SchemaNormalizer.Normalize(File.ReadAllBytes(Path.Combine(Repo.Schemas, file))).Files.ShouldHaveSingleItem();
            File.ReadAllText(Path.Combine(Out, file)).ShouldBe(System.Text.Encoding.UTF8.GetString(normalized.Content), file);
        }
    }

    [Fact]
    public async Task Pulling_twice_gives_byte_identical_files()
    {
        (await PullAsync()).ExitCode.ShouldBe(ExitCodes.Success);
        var first = Snapshot();

        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        Snapshot().ShouldBe(first);
        run.Output.ShouldContain("0 files written");
    }

    [Fact]
    public async Task Filters_reach_the_emulator()
    {
        var run = await PullAsync("--integrations", "slack,asana", "--limit-to-available", "false");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        Directory.GetFiles(Out).Select(f => Path.GetFileName(f)!).OrderBy(f => f).ShouldBe(new[] { "asana.json", "slack.json" });
    }

    public static TheoryData<string> Faults => new() { "drop", "truncated", "malformed", "500" };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_pull_interrupted_by_a_fault_leaves_the_old_files_intact(string fault)
    {
        (await PullAsync()).ExitCode.ShouldBe(ExitCodes.Success);
        File.WriteAllText(Path.Combine(Out, "slack.annotations.json"), "{ \"actions\": {} }");
        var before = Snapshot();
        _emulator.ReplaceCatalog(new ActionKitEmulatorOptions { IncludeBundledCatalog = false, SchemaDocuments = { Schemas.Envelope("slack", Schemas.Tool("SLACK_ONLY", "{}")) } });
        _emulator.Faults.Enqueue(fault switch
        {
            "drop" => EmulatorFault.DropConnection(),
            "truncated" => EmulatorFault.TruncatedJson(),
            "malformed" => EmulatorFault.MalformedJson(),
            _ => EmulatorFault.Status(500),
        });

        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Failure, run.ToString());
        run.Error.ShouldContain(_emulator.BaseAddress.Authority);
        Snapshot().ShouldBe(before);

        // Once the fault is gone the same pull goes through.
        (await PullAsync()).ExitCode.ShouldBe(ExitCodes.Success);
        File.ReadAllText(Path.Combine(Out, "slack.json")).ShouldContain("SLACK_ONLY");
        File.ReadAllText(Path.Combine(Out, "slack.annotations.json")).ShouldBe("{ \"actions\": {} }");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_rejected_with_a_clear_message()
    {
        using var other = System.Security.Cryptography.RSA.Create(2048);
        var wrongKey = _temp.Write("other.pem", other.ExportPkcs8PrivateKeyPem());

        var run = await ActionKitCli.RunAsync("pull", "--project-id", _emulator.ProjectId, "--signing-key", wrongKey, "--user-id", "user-1", "--endpoint", _emulator.BaseAddress.ToString(), "--out", Out);

        run.ExitCode.ShouldBe(ExitCodes.Failure, run.ToString());
        run.Error.ShouldContain("ActionKit rejected the user token (HTTP 401");
        run.Error.ShouldContain("signature");
        Directory.Exists(Out).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_project_is_named()
    {
        var run = await ActionKitCli.RunAsync(new Dictionary<string, string> { ["PARAGON_USER_TOKEN"] = _emulator.CreateUserToken("user-1") },
            "pull", "--project-id", "no-such-project", "--endpoint", _emulator.BaseAddress.ToString(), "--out", Out);

        run.ExitCode.ShouldBe(ExitCodes.Failure, run.ToString());
        run.Error.ShouldContain("no-such-project");
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Out, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetFileName(f)!, f => Convert.ToHexString(File.ReadAllBytes(f)));
}
