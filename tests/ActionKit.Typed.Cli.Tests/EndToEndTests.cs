using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;
using ActionKit.Typed.Cli.Tests.Infrastructure;
using ActionKit.Typed.Emulator;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Cli.Tests;

/// <summary>
/// The whole loop a user runs against the emulator: the project serves schemas v1, pull writes them, a consumer builds; the project
/// moves to v2 (one action added, one parameter's type changed, one parameter removed); pull + diff report exactly
/// those with exit code 2; the consumer's rebuild picks them up.
/// </summary>
public sealed class EndToEndTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    private const string V1 = """
        { "actions": { "crm": [
          { "type": "function", "function": { "name": "CRM_CREATE_CONTACT", "description": "Create a contact.", "parameters": { "type": "object", "properties": {
              "email": { "type": "string", "description": "Email" },
              "age": { "type": "string", "description": "Age" },
              "nickname": { "type": "string", "description": "Nickname" } }, "required": ["email"], "additionalProperties": false } } },
          { "type": "function", "function": { "name": "CRM_GET_CONTACT", "description": "Get a contact.", "parameters": { "type": "object", "properties": {
              "id": { "type": "string" } }, "required": ["id"], "additionalProperties": false } } }
        ] }, "errors": [] }
        """;

    private const string V2 = """
        { "actions": { "crm": [
          { "type": "function", "function": { "name": "CRM_GET_CONTACT", "description": "Get a contact.", "parameters": { "type": "object", "properties": {
              "id": { "type": "string" } }, "required": ["id"], "additionalProperties": false } } },
          { "type": "function", "function": { "name": "CRM_DELETE_CONTACT", "description": "Delete a contact.", "parameters": { "type": "object", "properties": {
              "id": { "type": "string" } }, "required": ["id"], "additionalProperties": false } } },
          { "type": "function", "function": { "name": "CRM_CREATE_CONTACT", "description": "Create a contact.", "parameters": { "type": "object", "properties": {
              "email": { "type": "string", "description": "Email" },
              "age": { "type": "number", "description": "Age" } }, "required": ["email"], "additionalProperties": false } } }
        ] }, "errors": [] }
        """;

    private const string ProgramV1 = """
        using Consumer.ActionKit;

        var request = new CrmCreateContactRequest { Email = "ada@example.com", Age = "36", Nickname = "Ada" };
        System.Console.WriteLine(request.Email + " " + ActionKitCatalog.All.Count);
        """;

    private const string ProgramV2 = """
        using Consumer.ActionKit;

        var request = new CrmCreateContactRequest { Email = "ada@example.com", Age = 36 };
        var delete = new CrmDeleteContactRequest { Id = "c-1" };
        System.Console.WriteLine(request.Email + " " + delete.Id + " " + ActionKitCatalog.All.Count);
        """;

    [Fact]
    public async Task Pull_build_pull_diff_rebuild()
    {
        using var temp = new TempFolder();
        temp.Write("v1/crm.json", V1);
        temp.Write("v2/crm.json", V2);
        var consumer = CreateConsumer(temp);
        var schemas = Path.Combine(Path.GetDirectoryName(consumer)!, "actionkit");
        await using var emulator = await ActionKitEmulator.StartAsync(Catalog(temp.Combine("v1")), TestContext.Current.CancellationToken);
        var signingKey = temp.Write("signing-key.pem", emulator.SigningKeyPem);

        // v1: pull, build.
        var pull = await PullAsync(emulator, signingKey, schemas);
        pull.ExitCode.ShouldBe(ExitCodes.Success, pull.ToString());
        var v1File = File.ReadAllBytes(Path.Combine(schemas, "crm.json"));
        var build = await DotnetBuild.BuildAsync(consumer, BuildTimeout);
        build.ExitCode.ShouldBe(0, build.Output);

        // What the build generated is what `generate` writes.
        var generated = temp.Combine("generated");
        (await ActionKitCli.RunAsync("generate", schemas, "--out", generated, "--namespace", "Consumer.ActionKit")).ExitCode.ShouldBe(ExitCodes.Success);
        var emitted = Directory.GetFiles(Path.GetDirectoryName(consumer)!, "*.g.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains("ActionKitGenerator")).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllText);
        emitted.Keys.OrderBy(k => k).ShouldBe(Directory.GetFiles(generated).Select(f => Path.GetFileName(f)!).OrderBy(k => k));
        foreach (var file in Directory.GetFiles(generated))
        {
            emitted[Path.GetFileName(file)].ShouldBe(File.ReadAllText(file));
        }

        // Pulling the same schemas again changes nothing.
        (await PullAsync(emulator, signingKey, schemas)).ExitCode.ShouldBe(ExitCodes.Success);
        File.ReadAllBytes(Path.Combine(schemas, "crm.json")).ShouldBe(v1File);

        // v2: pull into a fresh folder, diff against the checked-in one.
        emulator.ReplaceCatalog(Catalog(temp.Combine("v2")));
        var fresh = temp.Combine("fresh");
        (await PullAsync(emulator, signingKey, fresh)).ExitCode.ShouldBe(ExitCodes.Success);
        var diff = await ActionKitCli.RunAsync("diff", schemas, fresh, "--format", "json");
        diff.ExitCode.ShouldBe(ExitCodes.Breaking, diff.ToString());
        var changes = JsonDocument.Parse(diff.Output).RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (Kind: c.GetProperty("kind").GetString()!, Action: c.GetProperty("action").GetString()!, Parameter: c.GetProperty("parameter").GetString(), Breaking: c.GetProperty("breaking").GetBoolean()))
            .ToList();
        changes.ShouldBe(new[]
        {
            ("actionAdded", "CRM_DELETE_CONTACT", (string?)null, false),
            ("parameterRemoved", "CRM_CREATE_CONTACT", "nickname", true),
            ("typeChanged", "CRM_CREATE_CONTACT", "age", true),
        }, ignoreOrder: true);
        var text = await ActionKitCli.RunAsync("diff", schemas, fresh);
        text.ExitCode.ShouldBe(ExitCodes.Breaking);
        text.Output.ShouldContain("3 changes (2 breaking)");

        // pull v2 over the checked-in files: the rebuild picks the changes up.
        (await PullAsync(emulator, signingKey, schemas)).ExitCode.ShouldBe(ExitCodes.Success);
        var stale = await DotnetBuild.BuildAsync(consumer, BuildTimeout);
        stale.ExitCode.ShouldNotBe(0, "code written against v1 must no longer compile");
        stale.Output.ShouldContain("Nickname");

        File.WriteAllText(Path.Combine(Path.GetDirectoryName(consumer)!, "Program.cs"), ProgramV2);
        var rebuilt = await DotnetBuild.BuildAsync(consumer, BuildTimeout);
        rebuilt.ExitCode.ShouldBe(0, rebuilt.Output);
    }

    /// <summary>Pulls as a user would: the project's signing key and a user id; the emulator verifies the minted token.</summary>
    private static Task<CliRun> PullAsync(ActionKitEmulator emulator, string signingKey, string output) =>
        ActionKitCli.RunAsync("pull", "--project-id", emulator.ProjectId, "--signing-key", signingKey, "--user-id", "user-1", "--endpoint", emulator.BaseAddress.ToString(), "--out", output);

    private static ActionKitEmulatorOptions Catalog(string folder)
    {
        var options = new ActionKitEmulatorOptions { IncludeBundledCatalog = false };
        options.SchemaDirectories.Add(folder);
        return options;
    }

    /// <summary>A throwaway application that references ActionKit.Typed from this repository and its pulled schemas.</summary>
    private static string CreateConsumer(TempFolder temp)
    {
        var eng = Path.Combine(Repo.Root, "eng");
        temp.Write("consumer/Program.cs", ProgramV1);
        return temp.Write("consumer/Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{eng}/ActionKit.Typed.Local.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>Consumer</RootNamespace>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <ActionKitSchema Include="actionkit/*.json" />
              </ItemGroup>
              <Import Project="{eng}/ActionKit.Typed.Local.targets" />
            </Project>
            """);
    }
}
