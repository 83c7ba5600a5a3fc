using System;
using System.Text;
using System.Threading.Tasks;
using ActionKit.Typed;
using ActionKit.Typed.Emulator;
using QuickStart.ActionKit;

namespace QuickStart;

/// <summary>The full tour against the embedded emulator: a real HTTP server on loopback, no Paragon account needed.</summary>
internal static class EmulatorTour
{
    public static async Task<int> RunAsync()
    {
        await using var emulator = await ActionKitEmulator.StartAsync();
        Out.Step($"Emulator listening on {emulator.BaseAddress} (project {emulator.ProjectId})");

        // Tokens are minted from the project's signing key, as a backend would do for each of its users.
        var client = new ActionKitClient(new ActionKitClientOptions
        {
            ProjectId = emulator.ProjectId,
            SigningKey = emulator.SigningKeyPem,
            UserId = "user-42",
        }.UseEndpoint(emulator.BaseAddress));

        Out.Step("A typed call: the request type states its result type");
        var sent = await client.RunAsync(new SlackSendMessageRequest { Channel = "C0123", Message = "Hello from ActionKit.Typed" });
        Out.Line($"SLACK_SEND_MESSAGE → ok={sent.Value.Ok}, ts={sent.Value.Ts}, channel={sent.Value.Channel}");

        Out.Step("The same action through its integration facade");
        var viaFacade = await client.Slack().SendMessageAsync(new() { Channel = "C0123", Message = "Facades list every action with its docs" });
        Out.Line($"client.Slack().SendMessageAsync → ts={viaFacade.Value.Ts}");

        Out.Step("The catalog: every generated action, looked up by wire name");
        Out.Line($"{ActionKitCatalog.All.Count} actions; for example:");
        if (ActionKitCatalog.TryGet("GOOGLE_DRIVE_SAVE_FILE", out var saveFile))
        {
            Out.Line($"{saveFile.Name} ({saveFile.Integration}, {saveFile.Safety}): {saveFile.RequestType.Name} → {saveFile.ResultType.Name}");
        }

        Out.Step("An untyped call: wire name and JSON, result as raw JSON");
        var untyped = await client.RunAsync("SLACK_GET_USER_BY_EMAIL", BinaryData.FromString("""{"email":"ada@example.com"}"""));
        Out.Line($"SLACK_GET_USER_BY_EMAIL → {Shorten(untyped.Value.ToString())}");

        Out.Step("A handled error: the server's error body becomes a typed exception");
        try
        {
            await client.RunAsync("SLACK_NOT_AN_ACTION", BinaryData.FromString("{}"));
        }
        catch (ActionKitException ex)
        {
            Out.Fail($"{ex.Kind}: HTTP {ex.Status}, code {ex.Code}, \"{ex.ErrorMessage}\", request id {ex.RequestId}");
        }

        Out.Step("Multi-account: a client scoped to one connected account (X-Paragon-Credential)");
        var workAccount = client.WithCredential("cred-work-slack");
        var scoped = await workAccount.RunAsync(new SlackSendMessageRequest { Channel = "C0999", Message = "Sent from the work account" });
        Out.Line($"credential cred-work-slack → ts={scoped.Value.Ts}");

        Out.Step("A file upload: bytes become ActionKit's file object");
        var file = ActionKitFile.FromBytes(Encoding.UTF8.GetBytes("quarterly numbers"), "text/plain", "report.txt");
        var saved = await client.GoogleDrive().SaveFileAsync(new() { File = file.ToJsonElement(), Filename = "report.txt" });
        Out.Line($"GOOGLE_DRIVE_SAVE_FILE → id={saved.Value.Id}, name={saved.Value.Name}");

        Out.Step("Pagination: every item of a paginated action with await foreach");
        var count = 0;
        await foreach (var project in client.Asana().GetProjectsPagedAsync(new(), new PaginationOptions { MaxItems = 5 }))
        {
            Out.Line($"project {project.Gid}: {project.Name}");
            count++;
        }

        Out.Line($"{count} projects (capped at 5 with MaxItems)");

        Out.Step("The Proxy API: any provider call on the user's account, the {\"output\": …} envelope unwrapped");
        var proxied = await client.Proxy.GetAsync("slack", "conversations.list?limit=2");
        Out.Line($"GET slack/conversations.list → HTTP {proxied.Value.Status}, output {Shorten(proxied.Value.Output.GetRawText())}");

        Out.Step("A raw download: the provider's bytes as a stream, never buffered");
        using (var download = (await client.Proxy.DownloadAsync("googledrive", "drive/v3/files/1048576?alt=media")).Value)
        {
            var bytes = await CountAsync(download.Content);
            Out.Line($"{download.ContentType}, {bytes:N0} bytes streamed");
        }

        Out.Step("The Connect API: the user's connected accounts");
        foreach (var credential in (await client.Connect.GetCredentialsAsync()).Value)
        {
            Out.Line($"{credential.Id}: {credential.IntegrationId} ({credential.Status})");
        }

        Out.Step($"Done: the emulator received {emulator.Journal.Count} requests");
        return 0;
    }

    private static async Task<long> CountAsync(System.IO.Stream content)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
