using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.DependencyInjection;

public sealed class AddActionKitTests
{
    [Fact]
    public async Task Options_bind_from_configuration_and_the_client_uses_the_named_http_client()
    {
        var server = new FakeActionKit();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ActionKit:ProjectId"] = "proj-cfg",
            ["ActionKit:Token"] = "cfg-token",
            ["ActionKit:ActionKitEndpoint"] = "https://actionkit.test",
            ["ActionKit:CredentialId"] = "cred-cfg",
            ["ActionKit:MaxRetries"] = "5",
            ["ActionKit:MaxRetryAfter"] = "00:00:20",
            ["ActionKit:NetworkTimeout"] = "30",
            ["ActionKit:RetryWrites"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddActionKit(configuration.GetSection("ActionKit")).ConfigurePrimaryHttpMessageHandler(() => server);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ActionKitClientOptions>>().Value;
        options.MaxRetries.ShouldBe(5);
        options.MaxRetryAfter.ShouldBe(TimeSpan.FromSeconds(20));
        options.NetworkTimeout.ShouldBe(TimeSpan.FromSeconds(30));

        var client = provider.GetRequiredService<ActionKitClient>();
        provider.GetRequiredService<IActionRunner>().ShouldBeSameAs(client);
        client.ProjectId.ShouldBe("proj-cfg");
        await client.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        var request = server.Requests.ShouldHaveSingleItem();
        request.Uri.ShouldBe(new Uri("https://actionkit.test/projects/proj-cfg/actions"));
        request.Header("Authorization").ShouldBe("Bearer cfg-token");
        request.Header("X-Paragon-Credential").ShouldBe("cred-cfg");
    }

    [Fact]
    public async Task Per_user_clients_mint_their_own_tokens_and_share_one_pipeline()
    {
        var server = new FakeActionKit();
        var services = new ServiceCollection();
        services.AddActionKit(o =>
        {
            o.ProjectId = "proj-users";
            o.SigningKey = TestKeys.PrivateKeyPem;
            o.ActionKitEndpoint = new Uri("https://actionkit.test");
        }).ConfigurePrimaryHttpMessageHandler(() => server);

        // The documented per-request pattern: a scoped client for the signed-in user.
        var currentUser = "alice";
        services.AddScoped(sp => sp.GetRequiredService<IActionKitClientFactory>().ForUser(currentUser));
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IActionKitClientFactory>();

        Should.Throw<InvalidOperationException>(() => factory.GetClient());

        ActionKitClient alice;
        using (var scope = provider.CreateScope())
        {
            alice = scope.ServiceProvider.GetRequiredService<ActionKitClient>();
            await alice.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);
        }

        var bob = factory.ForUser("bob");
        await bob.RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        bob.Pipeline.ShouldBeSameAs(alice.Pipeline);
        Subject(server.Requests[0]).ShouldBe("alice");
        Subject(server.Requests[1]).ShouldBe("bob");
    }

    [Fact]
    public async Task Missing_project_id_in_configuration_fails_with_the_option_named()
    {
        var services = new ServiceCollection();
        services.AddActionKit(o => o.Token = "t");
        await using var provider = services.BuildServiceProvider();

        Should.Throw<ArgumentException>(() => provider.GetRequiredService<ActionKitClient>()).ParamName.ShouldBe("ProjectId");
    }

    [Fact]
    public async Task Logs_reach_the_hosts_logger_factory_when_the_options_are_given_it()
    {
        var server = new FakeActionKit();
        var logs = new CollectingLoggerFactory();
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(logs);
        services.AddActionKit(o =>
        {
            o.ProjectId = "proj-logs";
            o.Token = "log-token";
            o.ActionKitEndpoint = new Uri("https://actionkit.test");
        }).ConfigurePrimaryHttpMessageHandler(() => server);
        services.AddOptions<ActionKitClientOptions>().Configure<Microsoft.Extensions.Logging.ILoggerFactory>((o, f) => o.ClientLoggingOptions = new() { LoggerFactory = f });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ActionKitClient>().RunAsync(new SlackListChannels(), TestContext.Current.CancellationToken);

        logs.Lines.ShouldContain(line => line.Contains("projects/proj-logs/actions"));
        logs.Lines.ShouldAllBe(line => !line.Contains("log-token"));
    }

    private static string Subject(RecordedRequest request) =>
        new JsonWebToken(request.Header("Authorization")!["Bearer ".Length..]).Subject;
}
