using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Package.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Package.Tests;

/// <summary>
/// A user's project restores the package from a folder feed and builds: schema items, the namespace property and
/// bundled integrations reach the generator through the package's buildTransitive files.
/// </summary>
public sealed class ConsumerTests(PackageFixture package)
{
    [Fact]
    public async Task Schema_items_namespace_and_integrations_flow_to_the_generator()
    {
        var outcome = await BuiltAsync(Consumers.SchemaItems);
        var output = await RunAsync(outcome);

        output.ShouldContain($"namespace: {Consumers.CustomNamespace}");
        var bundled = SchemaFiles.Bundled();
        var expected = new[] { "CRM_CREATE_DEAL", "LEGACY_PING", "TICKETS_GET_TICKET" }
            .Concat(bundled["slack"]).Concat(bundled["asana"])
            .OrderBy(n => n, StringComparer.Ordinal);
        ActionNames(output).ShouldBe(expected);

        // The glob reached a nested folder, the annotation file typed a result, and the bare tool took its folder's integration.
        output.ShouldContain("action: CRM_CREATE_DEAL|crm|CrmCreateDealRequest|CrmCreateDealResult|Write");
        output.ShouldContain("action: TICKETS_GET_TICKET|tickets|TicketsGetTicketRequest|UntypedActionResult|Read");
        output.ShouldContain(l => l.StartsWith("action: LEGACY_PING|legacy|"));
        output.ShouldContain("descriptor: CRM_CREATE_DEAL no-id");
        output.ShouldContain("facades: CreateDealAsync GetTicketAsync SendMessageAsync CreateTaskAsync");

        // Plain AdditionalFiles, even a valid tool schema, are not the generator's.
        output.ShouldNotContain(l => l.Contains("UNRELATED_DO_THING"));
    }

    [Fact]
    public async Task All_switches_on_every_bundled_integration_at_CSharp_12_in_the_default_namespace()
    {
        var outcome = await BuiltAsync(Consumers.AllBundled);
        var output = await RunAsync(outcome);

        output.ShouldContain($"namespace: {Consumers.AllBundled}.ActionKit");
        var bundled = SchemaFiles.Bundled();
        bundled.Count.ShouldBe(7);
        ActionNames(output).ShouldBe(bundled.Values.SelectMany(n => n).OrderBy(n => n, StringComparer.Ordinal));
        Integrations(output).ShouldBe(bundled.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Integration_names_are_matched_in_any_case_separated_by_commas_or_semicolons_and_unknown_names_warn()
    {
        var build = await package.ConsumersBuilt;
        var outcome = build.For(Consumers.IntegrationSpelling);
        outcome.Built.ShouldBeTrue(outcome.Describe());
        var warning = outcome.Warnings.ShouldHaveSingleItem(outcome.Describe());
        warning.Code.ShouldBe("AKT100");
        warning.Line.ShouldContain("'nope'");

        var output = await RunAsync(outcome);
        var bundled = SchemaFiles.Bundled();
        ActionNames(output).ShouldBe(bundled["slack"].Concat(bundled["hubspot"]).OrderBy(n => n, StringComparer.Ordinal));
    }

    private async Task<ConsumerOutcome> BuiltAsync(string name)
    {
        var build = await package.ConsumersBuilt;
        TestContext.Current.TestOutputHelper?.WriteLine($"pack: {package.Pack.Elapsed.TotalSeconds:0} s; consumers build: {build.Result.Elapsed.TotalSeconds:0} s");
        var outcome = build.For(name);
        outcome.Errors.ShouldBeEmpty(outcome.Describe());
        outcome.Warnings.ShouldBeEmpty(outcome.Describe());
        outcome.Built.ShouldBeTrue(outcome.Describe());
        return outcome;
    }

    internal static async Task<string[]> RunAsync(ConsumerOutcome outcome)
    {
        var run = await outcome.RunAsync(TestContext.Current.CancellationToken);
        run.ExitCode.ShouldBe(0, run.Describe());
        return run.Lines;
    }

    internal static IEnumerable<string> ActionNames(IEnumerable<string> output) =>
        output.Where(l => l.StartsWith("action: ", StringComparison.Ordinal)).Select(l => l["action: ".Length..].Split('|')[0]);

    private static IEnumerable<string> Integrations(IEnumerable<string> output) =>
        output.Where(l => l.StartsWith("action: ", StringComparison.Ordinal)).Select(l => l.Split('|')[1]).Distinct().OrderBy(i => i, StringComparer.Ordinal);
}
