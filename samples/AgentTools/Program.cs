using System;
using System.Linq;
using ActionKit.Typed;
using ActionKit.Typed.Emulator;
using AgentTools;
using AgentTools.ActionKit;

// An agent's view of ActionKit: the catalog becomes tool definitions, and tool calls come back as a name plus
// JSON arguments. Each call is parsed into its typed request, so bad arguments are caught before anything is sent.
await using var emulator = await ActionKitEmulator.StartAsync();
var client = new ActionKitClient(new ActionKitClientOptions
{
    ProjectId = emulator.ProjectId,
    SigningKey = emulator.SigningKeyPem,
    UserId = "agent-user",
}.UseEndpoint(emulator.BaseAddress));

var slack = ActionKitCatalog.All.ForIntegration("slack").ToList();
Console.WriteLine($"{ActionKitCatalog.All.Count} tools; the Slack ones as an LLM sees them:");
Console.WriteLine(ToolDefinitions.Write(slack.Take(2), indented: true));
Console.WriteLine();

var dispatcher = new ToolDispatcher(client);
(string Name, string Arguments)[] toolCalls =
[
    ("SLACK_SEND_MESSAGE", """{"channel":"C0123","message":"Deploy finished"}"""),
    ("slack_get_user_by_email", """{"email":"ada@example.com"}"""),
    ("SLACK_SEND_MESSAGE", """{"message":"no channel"}"""),
    ("JIRA_CREATE_ISSUE", "{}"),
];

foreach (var (name, arguments) in toolCalls)
{
    Console.WriteLine($"> {name} {arguments}");
    Console.WriteLine($"< {await dispatcher.DispatchAsync(name, arguments)}");
}
