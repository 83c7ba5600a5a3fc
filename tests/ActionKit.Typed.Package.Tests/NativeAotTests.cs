using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Package.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Package.Tests;

/// <summary>
/// A consumer publishes with Native AOT without one trimming or AOT warning, and the native binary round-trips a
/// request through the generated serializers: no reflection anywhere.
/// </summary>
public sealed class NativeAotTests(PackageFixture package)
{
    private const string Name = "AotConsumer";

    /// <summary>Nested records, a list of records, an open-enum value outside the known list, a map, a free-form value and a custom field.</summary>
    private const string RequestJson =
        """{"title":"Renewal","amount":1250.5,"quantity":3,"closed":false,"stage":"negotiating","owner":{"email":"ada@example.com","address":{"city":"Zurich","zip":"8001"}},"lineItems":[{"sku":"A-1","price":10},{"sku":"B-2"}],"tags":["vip","q3"],"labels":{"region":"emea"},"extra":{"nested":[1,true,null]},"customField__c":{"a":1}}""";

    private const string Program = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Text;
        using System.Text.Json;
        using System.Text.Json.Serialization.Metadata;
        using ActionKit.Typed;
        using AotConsumer.ActionKit;

        // 1. A request built in code, written through IActionRequest.WriteParameters.
        var request = new CrmCreateDealRequest
        {
            Title = "Renewal",
            Amount = 1250.5,
            Quantity = 3,
            Closed = false,
            Stage = new CrmCreateDealStage("negotiating"),
            Owner = new CrmCreateDealOwner { Email = "ada@example.com", Address = new CrmCreateDealOwnerAddress { City = "Zurich", Zip = "8001" } },
            LineItems = [new CrmCreateDealLineItemsItem { Sku = "A-1", Price = 10 }, new CrmCreateDealLineItemsItem { Sku = "B-2" }],
            Tags = ["vip", "q3"],
            Labels = new Dictionary<string, string> { ["region"] = "emea" },
            Extra = JsonDocument.Parse("{\"nested\":[1,true,null]}").RootElement.Clone(),
            AdditionalProperties = new Dictionary<string, JsonElement> { ["customField__c"] = JsonDocument.Parse("{\"a\":1}").RootElement.Clone() },
        };
        Console.WriteLine("written: " + Write(request));

        // 2. Tool-call arguments (the first argument) parsed by the descriptor found by wire name, then written back.
        if (!ActionKitCatalog.TryGet("crm_create_deal", out var descriptor))
        {
            throw new InvalidOperationException("CRM_CREATE_DEAL is not in the catalog.");
        }

        var parsed = (CrmCreateDealRequest)descriptor.ParseRequest(args[0]);
        Console.WriteLine("reparsed: " + Write(parsed));
        var known = parsed.Stage == CrmCreateDealStage.Open || parsed.Stage == CrmCreateDealStage.Won || parsed.Stage == CrmCreateDealStage.Lost;
        Console.WriteLine("stage: " + parsed.Stage + " known=" + known);
        Console.WriteLine("custom: " + parsed.AdditionalProperties!["customField__c"].GetRawText());

        // 3. JsonSerializer with a JsonTypeInfo over the generated converter: no reflection-based metadata.
        var typeInfo = JsonMetadataServices.CreateValueInfo<CrmCreateDealRequest>(
            new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, new CrmCreateDealRequest.__Json());
        Console.WriteLine("serializer: " + JsonSerializer.Serialize(parsed, typeInfo));
        var deserialized = JsonSerializer.Deserialize(args[0], typeInfo)!;
        Console.WriteLine("deserialized: " + Write(deserialized));

        // 4. A bundled action, and the whole catalog.
        IActionRequest slack = new SlackSendMessageRequest { Channel = "C1", Message = "hi" };
        Console.WriteLine("bundled: " + slack.Descriptor.Name + " " + Write(slack));
        Console.WriteLine("catalog: " + ActionKitCatalog.All.Count);

        static string Write(IActionRequest request)
        {
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                request.WriteParameters(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        """;

    [Fact]
    public async Task Consumer_publishes_with_Native_AOT_without_warnings_and_round_trips_a_request()
    {
        package.EnsurePacked();
        var root = Path.Combine(package.WorkDirectory, "aot");
        package.WriteNuGetConfig(root);
        var project = new ConsumerProject
        {
            Name = Name,
            Properties = new Dictionary<string, string> { ["ActionKitIntegrations"] = "all" },
            Items = ["""<ActionKitSchema Include="actionkit/**/*.json" />"""],
            Files = new Dictionary<string, string> { ["actionkit/crm.json"] = TestSchemas.CrmEnvelope },
            Program = Program,
        };
        project.WriteTo(root, package.Version);
        var output = Path.Combine(root, "publish");

        var publish = await ProcessRunner.DotNetAsync(
            Path.Combine(root, Name),
            ["publish", project.ProjectPath(root), "-c", "Release", "-r", NativeTarget.RuntimeIdentifier, "-p:PublishAot=true", "-o", output, "-nologo", "-tl:off", "-nodeReuse:false"],
            TimeSpan.FromMinutes(30),
            TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"publish: {publish.Elapsed.TotalSeconds:0} s");
        var diagnostics = BuildDiagnostics.Parse(publish.Output);
        diagnostics.Where(d => d.Code.StartsWith("IL2") || d.Code.StartsWith("IL3")).ShouldBeEmpty(publish.Describe());
        diagnostics.ShouldBeEmpty(publish.Describe());
        publish.ExitCode.ShouldBe(0, publish.Describe());

        var binary = NativeTarget.Executable(output, Name);
        File.Exists(binary).ShouldBeTrue(publish.Describe());
        File.Exists(Path.Combine(output, Name + ".dll")).ShouldBeFalse("a native binary, not an IL assembly");

        var run = await ProcessRunner.RunAsync(binary, [RequestJson], output, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(run.Output);
        run.ExitCode.ShouldBe(0, run.Describe());
        var lines = run.Lines;
        lines.ShouldContain("written: " + RequestJson, run.Describe());
        lines.ShouldContain("reparsed: " + RequestJson, run.Describe());
        lines.ShouldContain("serializer: " + RequestJson, run.Describe());
        lines.ShouldContain("deserialized: " + RequestJson, run.Describe());
        lines.ShouldContain("stage: negotiating known=False", run.Describe());
        lines.ShouldContain("custom: {\"a\":1}", run.Describe());
        lines.ShouldContain("bundled: SLACK_SEND_MESSAGE {\"channel\":\"C1\",\"message\":\"hi\"}", run.Describe());
        var bundledCount = SchemaFiles.Bundled().Values.Sum(n => n.Count);
        lines.ShouldContain($"catalog: {bundledCount + 1}", run.Describe());
    }
}
