using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Generator.Tests.Support;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Generator.Tests;

/// <summary>
/// Each folder under Baselines/ is a case: its *.json files are the inputs, its *.g.cs files the exact expected output.
/// Set ACTIONKIT_UPDATE_BASELINES=1 to rewrite the *.g.cs files from the current generator (see README.md).
/// </summary>
public sealed class BaselineTests
{
    public static TheoryData<string> Cases => new(Directory.GetDirectories(RepoPaths.Baselines).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Generated_sources_match_the_checked_in_baseline(string caseName)
    {
        var folder = Path.Combine(RepoPaths.Baselines, caseName);
        var inputs = Inputs(caseName);
        if (Environment.GetEnvironmentVariable("ACTIONKIT_UPDATE_BASELINES") == "1")
        {
            Update(folder, inputs);
        }

        var expected = Directory.GetFiles(folder, "*.g.cs")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();
        expected.ShouldNotBeEmpty($"no baseline in {folder}; run with ACTIONKIT_UPDATE_BASELINES=1");

        await Harness.Create(inputs, expected).RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Baselines_cover_the_representative_actions()
    {
        var all = string.Join("\n", Directory.GetFiles(RepoPaths.Baselines, "*.g.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var wireName in new[] { "SLACK_SEND_MESSAGE", "ASANA_GET_PROJECTS", "HUBSPOT_GET_RECORDS_ANY", "EDGE_KITCHEN_SINK", "MONDAY_CREATE_ITEM", "CUSTOM_WORKAMAJIG_GET_PROJECTS", "GOOGLE_CALENDAR_LIST_EVENTS" })
        {
            all.ShouldContain($"name: \"{wireName}\"");
        }

        foreach (var key in new[] { "monday.com", "custom.workamajig", "googleCalendar" })
        {
            all.ShouldContain($"public const string Key = \"{key}\";");
        }
    }

    internal static List<InputFile> Inputs(string caseName) =>
        Directory.GetFiles(Path.Combine(RepoPaths.Baselines, caseName), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new InputFile(
                $"/{caseName}/{Path.GetFileName(path)}",
                File.ReadAllText(path),
                path.EndsWith(".annotations.json", StringComparison.Ordinal) ? "Annotation" : "Schema"))
            .ToList();

    private static void Update(string folder, IReadOnlyList<InputFile> inputs)
    {
        var result = Generate.Run(inputs);
        foreach (var stale in Directory.GetFiles(folder, "*.g.cs"))
        {
            File.Delete(stale);
        }

        foreach (var (hintName, text) in result.Sources)
        {
            File.WriteAllText(Path.Combine(folder, hintName), text);
        }
    }
}
