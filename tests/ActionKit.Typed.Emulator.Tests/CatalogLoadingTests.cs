using System.Net;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class CatalogLoadingTests : EmulatorTest, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actionkit-emulator-tests-").FullName;

    public override ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Directory_with_every_file_shape_is_served()
    {
        File.WriteAllText(Path.Combine(_directory, "slack.json"), TestCatalog.Slack);
        File.WriteAllText(Path.Combine(_directory, "all.annotations.json"), TestCatalog.Annotations);
        Directory.CreateDirectory(Path.Combine(_directory, "hubspot"));
        File.WriteAllText(Path.Combine(_directory, "hubspot", "HUBSPOT_GET_RECORDS_ANY.json"), TestCatalog.BareHubSpotTool);
        File.WriteAllText(Path.Combine(_directory, "notion-tools.json"), TestCatalog.NotionArray);
        File.WriteAllText(Path.Combine(_directory, "notes.json"), """{"not": "a tool"}""");
        File.WriteAllText(Path.Combine(_directory, "broken.json"), "{");
        var options = Options();
        options.SchemaDirectories.Add(_directory);

        await StartAsync(options);

        Emulator.Integrations.ShouldBe(["hubspot", "notion", "slack"], ignoreOrder: true);
        Emulator.ActionNames.Count.ShouldBe(5);
        Emulator.CatalogWarnings.Count.ShouldBe(2);
        Emulator.CatalogWarnings.ShouldContain(w => w.Contains("notes.json"));
        Emulator.CatalogWarnings.ShouldContain(w => w.Contains("broken.json"));
        using var run = await RunAsync("SLACK_SEND_MESSAGE", """{"channel": "C1", "message": "hi"}""");
        (await ReadJsonAsync(run)).GetProperty("message").ValueKind.ShouldBe(JsonValueKind.Object); // the annotation applied
    }

    [Fact]
    public async Task Bare_tool_outside_a_sub_folder_takes_its_integration_from_its_name()
    {
        var file = Path.Combine(_directory, "tool.json");
        File.WriteAllText(file, TestCatalog.BareHubSpotTool);
        var options = Options();
        options.SchemaFiles.Add(file);

        await StartAsync(options);

        Emulator.Integrations.ShouldBe(["hubspot"]);
    }

    [Fact]
    public async Task Later_schema_replaces_an_earlier_one_with_the_same_name()
    {
        var options = Options();
        options.SchemaDocuments.Add(TestCatalog.Slack);
        options.SchemaDocuments.Add("""{"type": "function", "function": {"name": "SLACK_SEND_MESSAGE", "description": "v2", "parameters": {"type": "object", "properties": {}, "required": []}}}""");

        await StartAsync(options);
        using var response = await RunAsync("SLACK_SEND_MESSAGE");

        response.StatusCode.ShouldBe(HttpStatusCode.OK); // v2 has no required parameters
        Emulator.ActionNames.ShouldBe(["SLACK_SEND_MESSAGE", "SLACK_LIST_CHANNELS"]);
    }

    [Fact]
    public async Task Missing_schema_directory_fails_to_start()
    {
        var options = Options();
        options.SchemaDirectories.Add(Path.Combine(_directory, "missing"));

        await Should.ThrowAsync<DirectoryNotFoundException>(() => ActionKitEmulator.StartAsync(options, Ct));
    }

    [Fact]
    public async Task Real_corpus_schemas_are_all_served()
    {
        var corpus = FindCorpus();
        if (corpus is null)
        {
            Assert.Skip("The shared ActionKit corpus (../shared/actionkit-corpus) is not beside this repository.");
        }

        var options = Options();
        options.SchemaDirectories.Add(corpus);
        await StartAsync(options);

        Emulator.Integrations.ShouldBe(["gmail", "googledrive", "hubspot", "notion", "salesforce", "slack"], ignoreOrder: true);
        using var list = await Http.GetAsync(ActionsPath, Ct);
        var groups = (await ReadJsonAsync(list)).GetProperty("actions");
        groups.EnumerateObject().Sum(g => g.Value.GetArrayLength()).ShouldBe(24);
        using var run = await RunAsync("GMAIL_GET_EMAIL_BY_ID", """{"userId": "me", "messageId": "m-1"}""");
        run.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bundled_catalog_is_served_without_any_path()
    {
        await StartAsync(new ActionKitEmulatorOptions { SigningKeyPem = TestKeys.SigningKeyPem });
        if (Emulator.ActionNames.Count == 0)
        {
            Assert.Skip("The bundled catalog (schemas/*.json) is empty in this build.");
        }

        Emulator.CatalogWarnings.ShouldBeEmpty();
        using var list = await Http.GetAsync(ActionsPath, Ct);
        (await ReadJsonAsync(list)).GetProperty("actions").EnumerateObject().Count().ShouldBe(Emulator.Integrations.Count);
    }

    [Fact]
    public async Task Fixed_port_and_project_are_used()
    {
        var options = Options();
        options.ProjectId = "my-project";
        await StartAsync(options);
        var port = Emulator.BaseAddress.Port;
        await Emulator.DisposeAsync();
        options.Port = port;

        await StartAsync(options);

        Emulator.BaseAddress.ShouldBe(new Uri($"http://127.0.0.1:{port}/"));
        Emulator.ProjectId.ShouldBe("my-project");
        using var response = await Http.GetAsync("projects/my-project/actions", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static ActionKitEmulatorOptions Options() => new() { IncludeBundledCatalog = false, SigningKeyPem = TestKeys.SigningKeyPem };

    internal static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "actionkit-corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
