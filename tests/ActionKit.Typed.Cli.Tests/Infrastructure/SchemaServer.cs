using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace ActionKit.Typed.Cli.Tests.Infrastructure;

/// <summary>
/// Serves List Actions from a folder of schema files that can be swapped while running, as a project whose
/// schemas change between two pulls.
/// </summary>
public sealed class SchemaServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private string _folder = string.Empty;

    private SchemaServer(LoopbackServer server)
    {
        _server = server;
        _server.Handler = async context =>
        {
            if (context.Request.Headers.Authorization != "Bearer " + Token)
            {
                context.Response.StatusCode = 401;
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, """{"message":"Unauthorized","code":"401","status":401,"meta":{}}""");
                return;
            }

            var actions = new JsonObject();
            foreach (var file in Directory.GetFiles(_folder, "*.json").Where(f => !f.EndsWith(".annotations.json")).OrderBy(f => f))
            {
                foreach (var group in JsonNode.Parse(File.ReadAllText(file))!["actions"]!.AsObject())
                {
                    actions[group.Key] = group.Value!.DeepClone();
                }
            }

            context.Response.ContentType = "application/json";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, new JsonObject { ["actions"] = actions, ["errors"] = new JsonArray() }.ToJsonString());
        };
    }

    public string Token { get; } = "e2e-user-token";

    public string ProjectId { get; } = "e2e-project";

    public Uri BaseAddress => _server.BaseAddress;

    public static async Task<SchemaServer> StartAsync(string folder) => new(await LoopbackServer.StartAsync()) { _folder = folder };

    /// <summary>From now on, serve the schemas in <paramref name="folder"/>.</summary>
    public void Serve(string folder) => _folder = folder;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
