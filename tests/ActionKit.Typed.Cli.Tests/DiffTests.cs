using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;
using ActionKit.Typed.Cli.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Cli.Tests;

public sealed class DiffTests
{
    private const string Channel = """ "channel": { "type": "string", "description": "Channel" } """;
    private const string Message = """ "message": { "type": "string", "description": "Message" } """;

    private static async Task<(CliRun Run, JsonElement[] Changes)> DiffAsync(string oldJson, string newJson, params string[] extra)
    {
        using var temp = new TempFolder();
        var oldFile = temp.Write("old/slack.json", oldJson);
        var newFile = temp.Write("new/slack.json", newJson);
        var run = await ActionKitCli.RunAsync(new[] { "diff", oldFile, newFile, "--format", "json" }.Concat(extra).ToArray());
        var changes = run.Output.Length > 0 ? JsonDocument.Parse(run.Output).RootElement.GetProperty("changes").EnumerateArray().ToArray() : [];
        return (run, changes);
    }

    private static string Send(string properties, string required = """["channel"]""", string description = "Send a message.") =>
        Schemas.Envelope("slack", Schemas.Tool("SLACK_SEND_MESSAGE", "{" + properties + "}", required, description));

    [Fact]
    public async Task Same_schemas_exit_0()
    {
        var (run, changes) = await DiffAsync(Send(Channel), Send(Channel));

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reformatted_and_reordered_schemas_are_the_same()
    {
        var reordered = """{"errors":[],"actions":{"slack":[{"function":{"parameters":{"required":["channel"],"additionalProperties":false,"properties":{"channel":{"description":"Channel","type":"string"}},"type":"object"},"description":"Send a message.","name":"SLACK_SEND_MESSAGE"},"type":"function"}]}}""";
        var (run, _) = await DiffAsync(Send(Channel), reordered);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
    }

    [Fact]
    public async Task Added_action_and_optional_parameter_are_compatible()
    {
        var newJson = Schemas.Envelope("slack",
            Schemas.Tool("SLACK_SEND_MESSAGE", "{" + Channel + "," + Message + "}", """["channel"]""", "Send a message."),
            Schemas.Tool("SLACK_ARCHIVE_CHANNEL", "{" + Channel + "}"));
        var (run, changes) = await DiffAsync(Send(Channel), newJson);

        run.ExitCode.ShouldBe(ExitCodes.Changes, run.ToString());
        changes.Select(c => (Kind(c), c.GetProperty("action").GetString()!, Parameter(c), c.GetProperty("breaking").GetBoolean())).ShouldBe(new[]
        {
            ("actionAdded", "SLACK_ARCHIVE_CHANNEL", (string?)null, false),
            ("parameterAdded", "SLACK_SEND_MESSAGE", "message", false),
        }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("requiredParameterAdded", "message")]
    [InlineData("parameterRemoved", "message")]
    [InlineData("typeChanged", "channel")]
    [InlineData("becameRequired", "message")]
    [InlineData("actionRemoved", null)]
    public async Task Breaking_changes_exit_2(string kind, string? parameter)
    {
        var (oldJson, newJson) = kind switch
        {
            "requiredParameterAdded" => (Send(Channel), Send(Channel + "," + Message, """["channel","message"]""")),
            "parameterRemoved" => (Send(Channel + "," + Message), Send(Channel)),
            "typeChanged" => (Send(Channel), Send(""" "channel": { "type": "integer", "description": "Channel" } """)),
            "becameRequired" => (Send(Channel + "," + Message), Send(Channel + "," + Message, """["channel","message"]""")),
            _ => (Schemas.Envelope("slack", Schemas.Tool("SLACK_SEND_MESSAGE", "{" + Channel + "}", """["channel"]""", "Send a message."), Schemas.Tool("SLACK_OLD", "{}")), Send(Channel)),
        };
        var (run, changes) = await DiffAsync(oldJson, newJson);

        run.ExitCode.ShouldBe(ExitCodes.Breaking, run.ToString());
        var change = changes.ShouldHaveSingleItem();
        Kind(change).ShouldBe(kind);
        Parameter(change).ShouldBe(parameter);
        change.GetProperty("breaking").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Removed_enum_value_breaks_and_added_one_does_not()
    {
        var before = Send(""" "channel": { "type": "string", "enum": ["a", "b"] } """);
        var removed = Send(""" "channel": { "type": "string", "enum": ["a"] } """);
        var added = Send(""" "channel": { "type": "string", "enum": ["a", "b", "c"] } """);

        var (breaking, breakingChanges) = await DiffAsync(before, removed);
        var (compatible, compatibleChanges) = await DiffAsync(before, added);

        breaking.ExitCode.ShouldBe(ExitCodes.Breaking);
        Kind(breakingChanges.ShouldHaveSingleItem()).ShouldBe("enumValueRemoved");
        breakingChanges[0].GetProperty("old").GetString().ShouldBe("\"b\"");
        compatible.ExitCode.ShouldBe(ExitCodes.Changes);
        Kind(compatibleChanges.ShouldHaveSingleItem()).ShouldBe("enumValueAdded");
    }

    [Fact]
    public async Task Nested_objects_are_compared_with_dotted_paths()
    {
        const string before = """ "paginationParameters": { "type": "object", "properties": { "pageCursor": { "type": "string" }, "limit": { "type": "number" } }, "required": [] } """;
        const string after = """ "paginationParameters": { "type": "object", "properties": { "pageCursor": { "type": "string" }, "pageSize": { "type": "number" } }, "required": [] } """;
        var (run, changes) = await DiffAsync(Send(Channel + "," + before), Send(Channel + "," + after));

        run.ExitCode.ShouldBe(ExitCodes.Breaking);
        changes.Select(c => (Kind(c), Parameter(c))).ShouldBe(new[]
        {
            ("parameterRemoved", (string?)"paginationParameters.limit"),
            ("parameterAdded", "paginationParameters.pageSize"),
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task Recursive_definitions_are_followed_once()
    {
        static string Tree(string valueType) => Schemas.Envelope("notion", $$"""
            { "type": "function", "function": { "name": "NOTION_CREATE_TREE", "description": "Tree", "parameters": {
              "type": "object",
              "properties": { "root": { "$ref": "#/definitions/node" } },
              "definitions": { "node": { "type": "object", "properties": {
                "value": { "type": "{{valueType}}" },
                "left": { "$ref": "#/definitions/node" },
                "right": { "$ref": "#/definitions/node" } } } } } } }
            """);

        var (run, changes) = await DiffAsync(Tree("string"), Tree("number"));

        run.ExitCode.ShouldBe(ExitCodes.Breaking, run.ToString());
        var change = changes.ShouldHaveSingleItem();
        Kind(change).ShouldBe("typeChanged");
        Parameter(change).ShouldBe("root.value");
    }

    [Fact]
    public async Task Description_changes_are_compatible_and_listed_only_when_verbose()
    {
        var newJson = Send(""" "channel": { "type": "string", "description": "The channel" } """, description: "Post a message.");

        var (quiet, quietChanges) = await DiffAsync(Send(Channel), newJson);
        var (verbose, verboseChanges) = await DiffAsync(Send(Channel), newJson, "--verbose");

        quiet.ExitCode.ShouldBe(ExitCodes.Changes);
        quietChanges.ShouldBeEmpty();
        verbose.ExitCode.ShouldBe(ExitCodes.Changes);
        verboseChanges.Select(Kind).ShouldBe(new[] { "actionDescriptionChanged", "descriptionChanged" }, ignoreOrder: true);
    }

    [Fact]
    public async Task Text_report_marks_breaking_changes()
    {
        using var temp = new TempFolder();
        var oldFile = temp.Write("old.json", Send(Channel + "," + Message));
        var newFile = temp.Write("new.json", Send(""" "channel": { "type": "number" } """));

        var run = await ActionKitCli.RunAsync("diff", oldFile, newFile);

        run.ExitCode.ShouldBe(ExitCodes.Breaking);
        run.Output.ShouldContain("~ SLACK_SEND_MESSAGE (slack)");
        run.Output.ShouldContain("- message: parameter removed  [breaking]");
        run.Output.ShouldContain("~ channel: type changed from string to number  [breaking]");
        run.Output.ShouldContain("2 breaking");
    }

    [Fact]
    public async Task Folders_compare_every_schema_file_and_ignore_annotations()
    {
        using var temp = new TempFolder();
        temp.Write("old/slack.json", Send(Channel));
        temp.Write("old/slack.annotations.json", """{ "actions": { "SLACK_SEND_MESSAGE": { "safety": "write" } } }""");
        temp.Write("new/slack.json", Send(Channel));
        temp.Write("new/asana.json", Schemas.Envelope("asana", Schemas.Tool("ASANA_GET_PROJECTS", "{}")));

        var run = await ActionKitCli.RunAsync("diff", temp.Combine("old"), temp.Combine("new"));

        run.ExitCode.ShouldBe(ExitCodes.Changes, run.ToString());
        run.Output.ShouldContain("+ ASANA_GET_PROJECTS (asana): action added");
    }

    [Fact]
    public async Task Bare_tools_and_arrays_of_tools_are_read_like_the_generator_reads_them()
    {
        using var temp = new TempFolder();
        var oldFile = temp.Write("old/slack/SLACK_SEND_MESSAGE.json", Schemas.Tool("SLACK_SEND_MESSAGE", "{" + Channel + "}", """["channel"]""", "Send a message."));
        var newFile = temp.Write("new/slack/tools.json", "[" + Schemas.Tool("SLACK_SEND_MESSAGE", "{" + Channel + "}", """["channel"]""", "Send a message.") + "]");

        var run = await ActionKitCli.RunAsync("diff", temp.Combine("old"), temp.Combine("new"));

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
    }

    [Fact]
    public async Task An_unreadable_input_fails_with_its_location()
    {
        using var temp = new TempFolder();
        var oldFile = temp.Write("old.json", Send(Channel));
        var newFile = temp.Write("new.json", "{ \"actions\": { \"slack\": [ }");

        var run = await ActionKitCli.RunAsync("diff", oldFile, newFile);

        run.ExitCode.ShouldBe(ExitCodes.Failure);
        run.Error.ShouldContain("new.json(1,");
        run.Error.ShouldContain("AKT0001");
    }

    private static string Kind(JsonElement change) => change.GetProperty("kind").GetString()!;

    private static string? Parameter(JsonElement change) => change.GetProperty("parameter").GetString();
}
