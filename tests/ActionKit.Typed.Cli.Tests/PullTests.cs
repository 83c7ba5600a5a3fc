using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;
using ActionKit.Typed.Cli.Pull;
using ActionKit.Typed.Cli.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Cli.Tests;

public sealed class PullTests : IAsyncLifetime
{
    private const string Token = "test-user-token";

    /// <summary>A response as the API might send it: unsorted tools, odd spacing, CRLF, two integrations.</summary>
    private const string Response = "{\"actions\":{\"slack\":[{\"type\":\"function\",\"function\":{\"parameters\":{\"type\":\"object\",\"properties\":{\"zeta\":{\"type\":\"string\"},\"alpha\":{\"type\":\"string\",\"description\":\"Café – “quoted” <b>\"}},\"required\":[\"zeta\"]},\"name\":\"SLACK_SEND_MESSAGE\",\"description\":\"Send\"}},\r\n"
        + "  {\"function\":{\"name\":\"SLACK_LIST_CHANNELS\",\"description\":\"List\",\"parameters\":{\"type\":\"object\",\"properties\":{}}},\"type\":\"function\"}],\r\n"
        + " \"asana\":[{\"type\":\"function\",\"function\":{\"name\":\"ASANA_GET_PROJECTS\",\"description\":\"Projects\",\"parameters\":{\"type\":\"object\",\"properties\":{\"limit\":{\"type\":\"number\",\"default\":1.50}}}}}]},\"errors\":[]}";

    private const string ExpectedSlack = """
        {
          "actions": {
            "slack": [
              {
                "type": "function",
                "function": {
                  "name": "SLACK_LIST_CHANNELS",
                  "description": "List",
                  "parameters": {
                    "type": "object",
                    "properties": {}
                  }
                }
              },
              {
                "type": "function",
                "function": {
                  "name": "SLACK_SEND_MESSAGE",
                  "description": "Send",
                  "parameters": {
                    "type": "object",
                    "properties": {
                      "zeta": {
                        "type": "string"
                      },
                      "alpha": {
                        "type": "string",
                        "description": "Café – “quoted” <b>"
                      }
                    },
                    "required": [
                      "zeta"
                    ]
                  }
                }
              }
            ]
          },
          "errors": []
        }

        """;

    private readonly TempFolder _temp = new();
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        SchemaFileWriter.AfterStaged = null;
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private string Out => _temp.Combine("actionkit");

    private Task<CliRun> PullAsync(params string[] extra) =>
        ActionKitCli.RunAsync(new[] { "pull", "--project-id", "proj-1", "--token", Token, "--endpoint", _server.BaseAddress.ToString(), "--out", Out }.Concat(extra).ToArray());

    [Fact]
    public async Task Writes_one_normalized_file_per_integration()
    {
        _server.RespondWith(Response);

        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        Directory.GetFiles(Out).Select(Path.GetFileName).OrderBy(f => f).ShouldBe(new[] { "asana.json", "slack.json" });
        File.ReadAllText(Path.Combine(Out, "slack.json")).ShouldBe(ExpectedSlack.ReplaceLineEndings("\n"));
        var bytes = File.ReadAllBytes(Path.Combine(Out, "asana.json"));
        bytes.ShouldNotContain((byte)'\r');
        bytes[^1].ShouldBe((byte)'\n');
        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes).ShouldContain("\"default\": 1.50");
        run.Output.ShouldContain("Pulled 3 actions of 2 integrations");
    }

    [Fact]
    public async Task Sends_the_documented_request()
    {
        _server.RespondWith(Response);

        var run = await PullAsync("--integrations", "slack,asana", "--integrations", "hubspot", "--categories", "crm", "--reload-fields", "--limit-to-available", "false");

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        var request = _server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("GET");
        request.Path.ShouldBe("/projects/proj-1/actions");
        request.Query.ShouldBe("?format=json_schema&integrations=slack%2Casana%2Chubspot&categories=crm&reload_fields=true&limit_to_available=false");
        request.Authorization.ShouldBe("Bearer " + Token);
    }

    [Fact]
    public async Task Omits_filters_that_are_not_given()
    {
        _server.RespondWith(Response);

        await PullAsync("--limit-to-available");

        _server.Requests.ShouldHaveSingleItem().Query.ShouldBe("?format=json_schema&limit_to_available=true");
    }

    [Fact]
    public async Task Pulling_twice_gives_byte_identical_files_and_rewrites_nothing()
    {
        _server.RespondWith(Response);
        await PullAsync();
        var first = Snapshot();
        var stamps = Directory.GetFiles(Out).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        // The same schemas, sent with the tools and integrations in another order and other whitespace.
        _server.RespondWith(Reordered(Response));
        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        Snapshot().ShouldBe(first);
        Directory.GetFiles(Out).ToDictionary(f => f, File.GetLastWriteTimeUtc).ShouldBe(stamps);
        run.Output.ShouldContain("0 files written, 2 unchanged");
    }

    [Fact]
    public async Task Annotation_files_are_never_touched()
    {
        Directory.CreateDirectory(Out);
        var annotations = Path.Combine(Out, "slack.annotations.json");
        File.WriteAllText(annotations, "{ \"actions\": { \"SLACK_SEND_MESSAGE\": { \"safety\": \"write\" } } }");
        _server.RespondWith(Response);

        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        File.ReadAllText(annotations).ShouldBe("{ \"actions\": { \"SLACK_SEND_MESSAGE\": { \"safety\": \"write\" } } }");
    }

    [Fact]
    public async Task Schema_files_missing_from_the_response_are_reported_and_kept()
    {
        Directory.CreateDirectory(Out);
        var old = Path.Combine(Out, "hubspot.json");
        File.WriteAllText(old, Schemas.Envelope("hubspot", Schemas.Tool("HUBSPOT_GET_CONTACT", "{}")));
        _server.RespondWith(Response);

        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        run.Error.ShouldContain("hubspot.json was not in the response");
        File.Exists(old).ShouldBeTrue();
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not-json")]
    [InlineData("wrong-shape")]
    [InlineData("tool-without-name")]
    public async Task A_malformed_response_writes_nothing(string fault)
    {
        _server.RespondWith(Response);
        await PullAsync();
        var before = Snapshot();

        _server.RespondWith(fault switch
        {
            "truncated" => Response.Replace("ASANA", "ASANA_V2")[..(Response.Length / 2)],
            "not-json" => "<html>Bad gateway</html>",
            "wrong-shape" => """{ "actions": [ { "name": "X" } ] }""",
            _ => """{ "actions": { "slack": [ { "type": "function", "function": { "description": "no name" } } ] }, "errors": [] }""",
        });
        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Failure, run.ToString());
        run.Error.ShouldContain("Nothing was written");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task A_connection_dropped_mid_response_leaves_the_old_files_intact()
    {
        _server.RespondWith(Response);
        await PullAsync();
        var before = Snapshot();

        _server.Handler = async context =>
        {
            var body = Encoding.UTF8.GetBytes(Reordered(Response).Replace("List", "List v2"));
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Features.Get<IHttpRequestLifetimeFeature>()!.Abort();
        };
        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Failure, run.ToString());
        run.Error.ShouldContain(_server.BaseAddress.Authority);
        run.Error.ShouldContain("nothing was written");
        Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task A_failure_while_writing_leaves_the_old_files_intact_and_no_temporary_files()
    {
        _server.RespondWith(Response);
        await PullAsync();
        var before = Snapshot();
        _server.RespondWith(Response.Replace("Send", "Send v2").Replace("Projects", "Projects v2"));
        var staged = 0;
        SchemaFileWriter.AfterStaged = _ =>
        {
            if (++staged == 2)
            {
                throw new IOException("disk full");
            }
        };

        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Failure, run.ToString());
        run.Error.ShouldContain("disk full");
        Snapshot().ShouldBe(before);
        Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Length.ShouldBe(before.Count);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_rejected_token_gives_a_clear_message(int status)
    {
        _server.RespondWith("""{"message":"Invalid token.","code":"1001","status":401,"meta":{}}""", status);

        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Failure, run.ToString());
        run.Error.ShouldContain("ActionKit rejected the user token");
        run.Error.ShouldContain("Invalid token. (code 1001)");
        run.Error.ShouldNotContain(Token);
        Directory.Exists(Out).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_named()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await ActionKitCli.RunAsync("pull", "--project-id", "p", "--token", Token, "--endpoint", $"http://127.0.0.1:{port}", "--out", Out);

        run.ExitCode.ShouldBe(ExitCodes.Failure, run.ToString());
        run.Error.ShouldContain($"Cannot reach ActionKit at http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task A_slow_endpoint_times_out_with_a_message()
    {
        _server.Handler = async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);

        var run = await PullAsync("--timeout", "1");

        run.ExitCode.ShouldBe(ExitCodes.Failure, run.ToString());
        run.Error.ShouldContain("did not answer within 1 s");
    }

    [Fact]
    public async Task Errors_in_the_response_are_reported()
    {
        _server.RespondWith(Response.Replace("\"errors\":[]", "\"errors\":[{\"integration\":\"hubspot\",\"message\":\"Credential expired\"},\"salesforce: timeout\"]"));

        var run = await PullAsync();

        run.ExitCode.ShouldBe(ExitCodes.Changes, run.ToString());
        run.Error.ShouldContain("ActionKit reported: hubspot: Credential expired");
        run.Error.ShouldContain("ActionKit reported: salesforce: timeout");
        File.Exists(Path.Combine(Out, "slack.json")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(Out, "slack.json")).ShouldContain("\"errors\": []");
    }

    [Fact]
    public async Task Credentials_come_from_the_environment()
    {
        _server.RespondWith(Response);
        var environment = new Dictionary<string, string> { ["PARAGON_PROJECT_ID"] = "env-project", ["PARAGON_USER_TOKEN"] = "env-token" };

        var run = await ActionKitCli.RunAsync(environment, "pull", "--endpoint", _server.BaseAddress.ToString(), "--out", Out);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        var request = _server.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/projects/env-project/actions");
        request.Authorization.ShouldBe("Bearer env-token");
    }

    [Fact]
    public async Task A_signing_key_and_user_id_mint_a_user_token()
    {
        using var rsa = RSA.Create(2048);
        var keyFile = _temp.Write("signing-key.pem", rsa.ExportPkcs8PrivateKeyPem());
        _server.RespondWith(Response);

        var run = await ActionKitCli.RunAsync("pull", "--project-id", "proj-1", "--signing-key", keyFile, "--user-id", "user-42", "--endpoint", _server.BaseAddress.ToString(), "--out", Out);

        run.ExitCode.ShouldBe(ExitCodes.Success, run.ToString());
        var jwt = _server.Requests.ShouldHaveSingleItem().Authorization!["Bearer ".Length..].Split('.');
        jwt.Length.ShouldBe(3);
        using var claims = JsonDocument.Parse(Base64Url(jwt[1]));
        claims.RootElement.GetProperty("sub").GetString().ShouldBe("user-42");
        claims.RootElement.GetProperty("aud").GetString().ShouldBe("useparagon.com/proj-1");
        rsa.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), Base64Url(jwt[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
    }

    [Fact]
    public async Task Missing_credentials_are_explained()
    {
        var run = await ActionKitCli.RunAsync("pull", "--project-id", "p", "--endpoint", _server.BaseAddress.ToString(), "--out", Out);

        run.ExitCode.ShouldBe(ExitCodes.Failure);
        run.Error.ShouldContain("pass --token");
        _server.Requests.ShouldBeEmpty();
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Out, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetFileName(f)!, f => Convert.ToHexString(File.ReadAllBytes(f)));

    /// <summary>The same response with integrations and tools in reverse order and different whitespace.</summary>
    private static string Reordered(string json)
    {
        using var document = JsonDocument.Parse(json);
        var actions = document.RootElement.GetProperty("actions").EnumerateObject().Reverse()
            .Select(p => $"\"{p.Name}\" : [ {string.Join(" ,\n", p.Value.EnumerateArray().Reverse().Select(t => t.GetRawText()))} ]");
        return "{\n\t\"errors\": [],\n\t\"actions\": {" + string.Join(",", actions) + "}\n}";
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
