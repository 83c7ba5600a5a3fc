using System;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.Client;

public sealed class ConstructionTests
{
    [Fact]
    public void Missing_project_id_names_the_option()
    {
        var error = Should.Throw<ArgumentException>(() => new ActionKitClient(new ActionKitClientOptions { Token = "t" }));

        error.ParamName.ShouldBe("ProjectId");
        error.Message.ShouldContain("ProjectId");
    }

    [Fact]
    public void Missing_token_names_the_option()
    {
        var error = Should.Throw<ArgumentException>(() => new ActionKitClient(new ActionKitClientOptions { ProjectId = "p" }));

        error.ParamName.ShouldBe("Token");
        error.Message.ShouldContain("TokenProvider");
        error.Message.ShouldContain("SigningKey");
    }

    [Fact]
    public void Signing_key_without_user_names_UserId()
    {
        Should.Throw<ArgumentException>(() => new ActionKitClient(new ActionKitClientOptions { ProjectId = "p", SigningKey = TestKeys.PrivateKeyPem }))
            .ParamName.ShouldBe("UserId");
    }

    [Fact]
    public void Convenience_constructors_check_their_arguments()
    {
        Should.Throw<ArgumentException>(() => new ActionKitClient("", "token")).ParamName.ShouldBe("projectId");
        Should.Throw<ArgumentException>(() => new ActionKitClient("p", " ")).ParamName.ShouldBe("token");
        Should.Throw<ArgumentNullException>(() => new ActionKitClient("p", (ActionKitTokenProvider)null!));
        new ActionKitClient("p", "token").ProjectId.ShouldBe("p");
    }

    [Fact]
    public void Endpoints_default_to_the_cloud()
    {
        var options = new ActionKitClientOptions();

        options.ActionKitEndpoint.ShouldBe(new Uri("https://actionkit.useparagon.com"));
        options.ProxyEndpoint.ShouldBe(new Uri("https://proxy.useparagon.com"));
        options.ConnectEndpoint.ShouldBe(new Uri("https://zeus.useparagon.com"));
    }

    [Fact]
    public void On_prem_base_url_derives_the_hosts_and_explicit_endpoints_win()
    {
        var options = new ActionKitClientOptions { OnPremBaseUrl = "paragon.example.com" };

        options.ActionKitEndpoint.ShouldBe(new Uri("https://worker-actionkit.paragon.example.com"));
        options.ProxyEndpoint.ShouldBe(new Uri("https://worker-proxy.paragon.example.com"));
        options.ConnectEndpoint.ShouldBe(new Uri("https://zeus.paragon.example.com"));

        options.OnPremBaseUrl = "http://paragon.internal:8080/";
        options.ConnectEndpoint = new Uri("https://connect.internal");
        options.ActionKitEndpoint.ShouldBe(new Uri("http://worker-actionkit.paragon.internal:8080"));
        options.ConnectEndpoint.ShouldBe(new Uri("https://connect.internal"));
    }

    [Fact]
    public void One_endpoint_serves_all_three_apis()
    {
        var options = new ActionKitClientOptions().UseEndpoint(new Uri("http://127.0.0.1:5123/"));

        options.ActionKitEndpoint.ShouldBe(new Uri("http://127.0.0.1:5123/"));
        options.ProxyEndpoint.ShouldBe(new Uri("http://127.0.0.1:5123/"));
        options.ConnectEndpoint.ShouldBe(new Uri("http://127.0.0.1:5123/"));
        Should.Throw<ArgumentException>(() => options.UseEndpoint(new Uri("/relative", UriKind.Relative)));
    }

    [Fact]
    public void Logging_runs_only_when_asked_for()
    {
        var quiet = new ActionKitClientOptions { ProjectId = "p", Token = "t" };
        _ = new ActionKitClient(quiet);
        quiet.ClientLoggingOptions!.EnableLogging.ShouldBe(false);

        var withFactory = new ActionKitClientOptions { ProjectId = "p", Token = "t", ClientLoggingOptions = new() { LoggerFactory = new CollectingLoggerFactory() } };
        _ = new ActionKitClient(withFactory);
        withFactory.ClientLoggingOptions.EnableLogging.ShouldBe(true);

        var eventSourceOnly = new ActionKitClientOptions { ProjectId = "p", Token = "t", ClientLoggingOptions = new() { EnableLogging = true } };
        _ = new ActionKitClient(eventSourceOnly);
        eventSourceOnly.ClientLoggingOptions.EnableLogging.ShouldBe(true);
    }

    [Fact]
    public void Options_are_frozen_once_a_client_uses_them()
    {
        var options = new ActionKitClientOptions { ProjectId = "p", Token = "t" };
        _ = new ActionKitClient(options);

        Should.Throw<InvalidOperationException>(() => options.ProjectId = "q");
    }

    [Fact]
    public void Run_url_keeps_a_path_prefix_and_escapes_the_project_id()
    {
        var client = new ActionKitClient(new ActionKitClientOptions { ProjectId = "a b", Token = "t", ActionKitEndpoint = new Uri("http://127.0.0.1:5000/prefix") });

        client.Core.RunUri.ShouldBe(new Uri("http://127.0.0.1:5000/prefix/projects/a%20b/actions"));
    }
}
