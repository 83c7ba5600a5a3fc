using System;
using System.Net.Http;

namespace ActionKit.Typed.Tests;

public static class Clients
{
    public const string ProjectId = "11111111-2222-3333-4444-555555555555";
    public const string Token = "eyJhbGciOiJSUzI1NiJ9.secret-test-token.c2lnbmF0dXJl";

    public static ActionKitClient Create(FakeActionKit server, Action<ActionKitClientOptions>? configure = null)
    {
        var options = new ActionKitClientOptions
        {
            ProjectId = ProjectId,
            Token = Token,
            ActionKitEndpoint = new Uri("https://actionkit.test/"),
            HttpClient = new HttpClient(server),
            TimeProvider = new RecordingTimeProvider { AutoAdvance = true },
        };
        configure?.Invoke(options);
        return new ActionKitClient(options);
    }
}
