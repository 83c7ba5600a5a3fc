using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class ProcessModeTests
{
    [Fact]
    public async Task Process_prints_its_address_project_and_key_and_serves_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        var assembly = Path.Combine(AppContext.BaseDirectory, "ActionKit.Typed.Emulator.dll");
        var keyFile = Path.Combine(Path.GetTempPath(), $"emulator-key-{Guid.NewGuid():N}.pem");
        var schemas = Directory.CreateTempSubdirectory("actionkit-emulator-process-").FullName;
        File.WriteAllText(Path.Combine(schemas, "slack.json"), TestCatalog.Slack);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly, "--port", "0", "--schemas", schemas, "--no-bundled", "--project", "proc-project", "--key-out", keyFile, "--paged-data", "SLACK_LIST_CHANNELS=offset:3:2" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            string? address = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (Regex.Match(line, @"listening on (\S+)") is { Success: true } match)
                {
                    address = match.Groups[1].Value;
                }

                if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                {
                    break;
                }
            }

            address.ShouldNotBeNull(string.Join('\n', lines));
            lines.ShouldContain(l => l.Contains("proc-project"));
            lines.ShouldContain(l => l.Contains(keyFile));
            var pem = await File.ReadAllTextAsync(keyFile, ct);
            pem.ShouldStartWith("-----BEGIN PRIVATE KEY-----");

            using var http = new HttpClient { BaseAddress = new Uri(address) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Token(pem));
            using var response = await http.GetAsync("projects/proc-project/actions", ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync(ct)).ShouldContain("SLACK_SEND_MESSAGE");

            // The seeded data set from --paged-data: the first page holds items 1 and 2 of 3.
            using var page = await http.PostAsync(
                "projects/proc-project/actions",
                new StringContent("""{"action":"SLACK_LIST_CHANNELS","parameters":{}}""", System.Text.Encoding.UTF8, "application/json"),
                ct);
            var body = await page.Content.ReadAsStringAsync(ct);
            page.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            body.ShouldContain("\"item-2\"");
            body.ShouldNotContain("\"item-3\"");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            await process.WaitForExitAsync(ct);
            File.Delete(keyFile);
            Directory.Delete(schemas, recursive: true);
        }
    }

    [Fact]
    public async Task A_malformed_paged_data_option_is_refused_with_the_usage()
    {
        var ct = TestContext.Current.CancellationToken;
        var assembly = Path.Combine(AppContext.BaseDirectory, "ActionKit.Typed.Emulator.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly, "--paged-data", "ASANA_GET_PROJECTS=sideways:10:2" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        process.ExitCode.ShouldBe(2);
        error.ShouldContain("'sideways' is not cursor, offset or page");
        error.ShouldContain("--paged-data <action>=");
    }
}
