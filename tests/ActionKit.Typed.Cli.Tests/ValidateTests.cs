using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;
using ActionKit.Typed.Cli.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Cli.Tests;

public sealed class ValidateTests
{
    [Fact]
    public async Task The_bundled_catalog_is_valid()
    {
        var run = await ActionKitCli.RunAsync("validate", Repo.Schemas);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        run.Output.ShouldContain("0 errors");
    }

    [Fact]
    public async Task Structural_schema_errors_are_located_by_file_and_line()
    {
        using var temp = new TempFolder();
        var file = temp.Write("slack.json", """
            {
              "actions": {
                "slack": [
                  {
                    "type": "function",
                    "function": {
                      "name": "SLACK_SEND_MESSAGE",
                      "description": "Send",
                      "parameters": {
                        "type": "object",
                        "properties": {
                          "channel": { "type": "strnig" },
                          "message": { "type": "string", "minLength": -1 }
                        },
                        "required": "channel"
                      }
                    }
                  }
                ]
              },
              "errors": []
            }
            """);

        var run = await ActionKitCli.RunAsync("validate", temp.Path);

        run.ExitCode.ShouldBe(ExitCodes.Changes, run.ToString());
        var lines = run.Output.Split('\n');
        lines.ShouldContain(l => l.Contains("slack.json(12,") && l.Contains("AKC001") && l.Contains("properties.channel.type"));
        lines.ShouldContain(l => l.Contains("slack.json(13,") && l.Contains("AKC001") && l.Contains("minLength"));
        lines.ShouldContain(l => l.Contains("slack.json(15,") && l.Contains("required"));
    }

    [Fact]
    public async Task Invalid_json_is_reported_with_its_line()
    {
        using var temp = new TempFolder();
        temp.Write("broken.json", "{\n  \"actions\": {\n    \"slack\": [ ,\n  }\n}\n");

        var run = await ActionKitCli.RunAsync("validate", temp.Path);

        run.ExitCode.ShouldBe(ExitCodes.Changes, run.ToString());
        run.Output.ShouldContain("broken.json(3,");
        run.Output.ShouldContain("AKT0001");
    }

    [Fact]
    public async Task Unresolvable_references_are_reported()
    {
        using var temp = new TempFolder();
        temp.Write("slack.json", Schemas.Envelope("slack", Schemas.Tool("SLACK_SEND_MESSAGE", """{ "channel": { "$ref": "#/definitions/missing" } }""")));

        var run = await ActionKitCli.RunAsync("validate", temp.Path);

        run.ExitCode.ShouldBe(ExitCodes.Changes, run.ToString());
        run.Output.ShouldContain("#/definitions/missing");
    }

    [Fact]
    public async Task Annotation_files_are_checked_including_their_result_schema()
    {
        using var temp = new TempFolder();
        temp.Write("slack.json", Schemas.Envelope("slack", Schemas.Tool("SLACK_LIST_CHANNELS", "{}")));
        temp.Write("slack.annotations.json", """
            {
              "actions": {
                "SLACK_LIST_CHANNELS": {
                  "safety": "sometimes",
                  "retries": 3,
                  "result": { "type": "object", "properties": { "channels": { "type": "array", "items": "string" } } },
                  "pagination": { "style": "cursor", "items": "channels", "cursor": "/next" }
                },
                "SLACK_UNKNOWN": { "safety": "read" }
              }
            }
            """);

        var run = await ActionKitCli.RunAsync("validate", temp.Path);

        run.ExitCode.ShouldBe(ExitCodes.Changes, run.ToString());
        var lines = run.Output.Split('\n');
        lines.ShouldContain(l => l.Contains("slack.annotations.json(4,") && l.Contains("AKT0009") && l.Contains("safety"));
        lines.ShouldContain(l => l.Contains("slack.annotations.json(5,") && l.Contains("warning AKC003") && l.Contains("retries"));
        lines.ShouldContain(l => l.Contains("slack.annotations.json(6,") && l.Contains("AKC001") && l.Contains("result of SLACK_LIST_CHANNELS"));
        lines.ShouldContain(l => l.Contains("slack.annotations.json(7,") && l.Contains("AKT0009") && l.Contains("JSON pointer"));
        lines.ShouldContain(l => l.Contains("slack.annotations.json(7,") && l.Contains("pagination.cursor"));
        lines.ShouldContain(l => l.Contains("warning AKT0010") && l.Contains("SLACK_UNKNOWN"));
    }

    [Fact]
    public async Task A_matching_payload_is_valid()
    {
        using var temp = new TempFolder();
        var payload = temp.Write("payload.json", """{ "channel": "C1", "message": "hi" }""");

        var run = await ActionKitCli.RunAsync("validate", Repo.Schemas, "--action", "SLACK_SEND_MESSAGE", "--payload", payload);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        run.Output.ShouldContain("matches");
    }

    [Fact]
    public async Task A_run_action_body_is_checked_by_its_parameters()
    {
        using var temp = new TempFolder();
        var payload = temp.Write("body.json", """{ "action": "SLACK_SEND_MESSAGE", "parameters": { "channel": "C1", "message": "hi" } }""");

        var run = await ActionKitCli.RunAsync("validate", Repo.Schemas, "--action", "SLACK_SEND_MESSAGE", "--payload", payload);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
    }

    [Fact]
    public async Task Payload_errors_are_printed_with_their_paths_and_lines()
    {
        using var temp = new TempFolder();
        var payload = temp.Write("payload.json", "{\n  \"channel\": 42,\n  \"mesage\": \"hi\"\n}\n");

        var run = await ActionKitCli.RunAsync("validate", Repo.Schemas, "--action", "SLACK_SEND_MESSAGE", "--payload", payload);

        run.ExitCode.ShouldBe(ExitCodes.Changes, run.ToString());
        var lines = run.Output.Split('\n');
        lines.ShouldContain(l => l.Contains("payload.json(1,") && l.Contains("required property 'message' is missing"));
        lines.ShouldContain(l => l.Contains("payload.json(2,") && l.Contains("'channel': expected string"));
        lines.ShouldContain(l => l.Contains("payload.json(3,") && l.Contains("'mesage' is not a known property"));
    }

    [Fact]
    public async Task Nested_payload_errors_have_dotted_paths()
    {
        using var temp = new TempFolder();
        var payload = temp.Write("payload.json", """{ "paginationParameters": { "pageCursor": 5 } }""");

        var run = await ActionKitCli.RunAsync("validate", Repo.Schemas, "--action", "SLACK_LIST_CHANNELS", "--payload", payload);

        run.ExitCode.ShouldBe(ExitCodes.Changes, run.ToString());
        run.Output.ShouldContain("'paginationParameters.pageCursor': expected string");
    }

    [Fact]
    public async Task An_unknown_action_fails_clearly()
    {
        using var temp = new TempFolder();
        var payload = temp.Write("payload.json", "{}");

        var run = await ActionKitCli.RunAsync("validate", Repo.Schemas, "--action", "SLACK_SEND", "--payload", payload);

        run.ExitCode.ShouldBe(ExitCodes.Failure);
        run.Error.ShouldContain("No action named SLACK_SEND");
        run.Error.ShouldContain("SLACK_SEND_MESSAGE");
    }

    [Fact]
    public async Task Action_without_payload_is_a_usage_error()
    {
        var run = await ActionKitCli.RunAsync("validate", Repo.Schemas, "--action", "SLACK_SEND_MESSAGE");

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Error.ShouldContain("--action and --payload go together");
    }
}
