using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Package.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Package.Tests;

/// <summary>
/// Every real schema in ../shared/actionkit-corpus generates and compiles warning-free in a consumer of the packed
/// package, at C# 12 and at the latest C# version; each <c>@v2</c> variant in its own pass.
/// </summary>
public sealed class CorpusTests(PackageFixture package)
{
    public const string CorpusAbsent = "(corpus absent)";

    public static TheoryData<string> Passes()
    {
        var passes = Consumers.CorpusPasses().Select(p => p.Name).ToArray();
        return passes.Length > 0 ? new TheoryData<string>(passes) : new TheoryData<string>(CorpusAbsent);
    }

    [Fact]
    public void Corpus_has_base_files_and_v2_variants()
    {
        Assert.SkipUnless(RepoPaths.CorpusExists, RepoPaths.CorpusAbsentMessage);
        var passes = Consumers.CorpusPasses();
        passes.ShouldContain(p => p.Set == "CorpusBase" && p.Files.Count > 1);
        passes.ShouldContain(p => p.Set.StartsWith("CorpusV2_") && p.Files.Count == 1);
        passes.SelectMany(p => p.Files).ShouldAllBe(f => !f.Contains("_docs-derived"));
    }

    [Theory]
    [MemberData(nameof(Passes))]
    public async Task Corpus_pass_generates_and_compiles_warning_free(string pass)
    {
        Assert.SkipWhen(pass == CorpusAbsent, RepoPaths.CorpusAbsentMessage);
        var corpusPass = Consumers.CorpusPasses().Single(p => p.Name == pass);

        var build = await package.ConsumersBuilt;
        var outcome = build.For(pass);
        outcome.Errors.ShouldBeEmpty(outcome.Describe());
        outcome.Warnings.ShouldBeEmpty(outcome.Describe());
        outcome.Built.ShouldBeTrue(outcome.Describe());

        var output = await ConsumerTests.RunAsync(outcome);
        ConsumerTests.ActionNames(output).ShouldBe(corpusPass.ExpectedActions);
    }
}
