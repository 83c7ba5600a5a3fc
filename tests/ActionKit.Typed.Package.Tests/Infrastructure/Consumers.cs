using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ActionKit.Typed.Package.Tests.Infrastructure;

/// <summary>The consumer projects the tests build together (see <see cref="ConsumerBuild"/>).</summary>
public static class Consumers
{
    /// <summary>Own schema items (a glob over nested folders, with an annotation file), a namespace, two bundled integrations, unrelated additional files.</summary>
    public const string SchemaItems = "SchemaItems";

    /// <summary>Every bundled integration, at C# 12, in the default namespace, with implicit usings and without nullable annotations.</summary>
    public const string AllBundled = "AllBundled";

    /// <summary>Integration names in mixed case, separated by ',' and ';', with one that is not bundled.</summary>
    public const string IntegrationSpelling = "IntegrationSpelling";

    public const string CustomNamespace = "Acme.Integrations";

    public static readonly string[] LangVersions = ["12", "latest"];

    public static IReadOnlyList<ConsumerProject> All() =>
        [SchemaItemsProject(), AllBundledProject(), IntegrationSpellingProject(), .. CorpusPasses().Select(p => p.Project)];

    /// <summary>Prints the generated namespace, then one line per action: name|integration|request type|result type|safety.</summary>
    public static string ListActionsProgram(string generatedNamespace, string extra = "") => $$"""
        using System;
        using System.Linq;
        using {{generatedNamespace}};

        Console.WriteLine("namespace: " + typeof(ActionKitCatalog).Namespace);
        foreach (var action in ActionKitCatalog.All.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            Console.WriteLine($"action: {action.Name}|{action.Integration}|{action.RequestType.Name}|{action.ResultType.Name}|{action.Safety}");
        }
        {{extra}}
        """;

    private static ConsumerProject SchemaItemsProject() => new()
    {
        Name = SchemaItems,
        Properties = new Dictionary<string, string>
        {
            ["ActionKitNamespace"] = CustomNamespace,
            ["ActionKitIntegrations"] = "slack;asana",
        },
        Items =
        [
            """<ActionKitSchema Include="actionkit/**/*.json" />""",
            // An array of tools outside the glob, filed under an integration named by item metadata.
            """<ActionKitSchema Include="vendor/legacy-tools.json" ActionKitIntegration="legacy" />""",
            // A valid tool schema that is not an ActionKitSchema item, and a file of another kind: both ignored.
            """<AdditionalFiles Include="config/unrelated-tool.json" />""",
            """<AdditionalFiles Include="config/notes.txt" />""",
        ],
        Files = new Dictionary<string, string>
        {
            ["actionkit/crm.json"] = TestSchemas.CrmEnvelope,
            ["actionkit/crm.annotations.json"] = TestSchemas.CrmAnnotations,
            ["actionkit/tickets/TICKETS_GET_TICKET.json"] = TestSchemas.TicketsBareTool,
            ["vendor/legacy-tools.json"] = TestSchemas.LegacyToolArray,
            ["config/unrelated-tool.json"] = TestSchemas.UnrelatedBareTool,
            ["config/notes.txt"] = "Not a schema.\n",
        },
        Program = ListActionsProgram(CustomNamespace, """
            // Typed requests, typed results from the annotation file, and facades, all in the configured namespace.
            ActionKit.Typed.IActionRequest<CrmCreateDealResult> deal = new CrmCreateDealRequest { Title = "Renewal", Stage = CrmCreateDealStage.Won };
            string? id = new CrmCreateDealResult().Id;
            Console.WriteLine("descriptor: " + deal.Descriptor.Name + " " + (id ?? "no-id"));
            Console.WriteLine("facades: " + nameof(CrmActions.CreateDealAsync) + " " + nameof(TicketsActions.GetTicketAsync) + " " + nameof(SlackActions.SendMessageAsync) + " " + nameof(AsanaActions.CreateTaskAsync));
            """),
    };

    private static ConsumerProject AllBundledProject() => new()
    {
        Name = AllBundled,
        LangVersion = "12",
        // Project defaults other than the other consumers': implicit usings on, nullable annotations off.
        Properties = new Dictionary<string, string>
        {
            ["ActionKitIntegrations"] = "all",
            ["ImplicitUsings"] = "enable",
            ["Nullable"] = "disable",
        },
        Program = ListActionsProgram($"{AllBundled}.ActionKit"),
    };

    private static ConsumerProject IntegrationSpellingProject() => new()
    {
        Name = IntegrationSpelling,
        Properties = new Dictionary<string, string> { ["ActionKitIntegrations"] = " Slack, HubSpot;nope " },
        Program = ListActionsProgram($"{IntegrationSpelling}.ActionKit"),
    };

    /// <summary>
    /// The corpus: every base file together in one pass, and each <c>@v2</c> file alone in its own pass (it redefines
    /// an action of the base set), each at C# 12 and at the latest C# version. Empty when the corpus is absent.
    /// </summary>
    public static IReadOnlyList<CorpusPass> CorpusPasses()
    {
        if (!RepoPaths.CorpusExists)
        {
            return [];
        }

        var files = Directory.GetDirectories(RepoPaths.Corpus)
            .Where(d => !Path.GetFileName(d).StartsWith('_'))
            .SelectMany(d => Directory.GetFiles(d, "*.json"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var baseFiles = files.Where(f => !IsVariant(f)).ToList();
        var sets = new List<(string Name, IReadOnlyList<string> Files)> { ("CorpusBase", baseFiles) };
        sets.AddRange(files.Where(IsVariant).Select(f => ($"CorpusV2_{Path.GetFileNameWithoutExtension(f).Replace("@v2", string.Empty)}", (IReadOnlyList<string>)[f])));

        return sets
            .SelectMany(set => LangVersions.Select(lang => new CorpusPass(set.Name, lang, set.Files)))
            .ToList();
    }

    private static bool IsVariant(string path) => Path.GetFileNameWithoutExtension(path).Contains('@');
}

/// <summary>One generator pass over corpus files, at one C# version.</summary>
public sealed record CorpusPass(string Set, string LangVersion, IReadOnlyList<string> Files)
{
    public string Name => $"{Set}_CSharp{(LangVersion == "latest" ? "Latest" : LangVersion)}";

    public IReadOnlyList<string> ExpectedActions =>
        Files.SelectMany(SchemaFiles.ActionNames).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

    public ConsumerProject Project => new()
    {
        Name = Name,
        LangVersion = LangVersion,
        Items = ["""<ActionKitSchema Include="actionkit/**/*.json" />"""],
        // The integration folder is kept: a bare tool's integration is read from the folder it sits in.
        CopiedFiles = Files.ToDictionary(f => f, f => Path.Combine("actionkit", Path.GetFileName(Path.GetDirectoryName(f)!), Path.GetFileName(f))),
        Program = Consumers.ListActionsProgram($"{Name}.ActionKit"),
    };
}
