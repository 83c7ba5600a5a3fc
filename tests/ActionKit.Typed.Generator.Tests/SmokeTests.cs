using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ActionKit.Typed.Generator.Tests.Support;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Generator.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Bundled_slack_compiles()
    {
        var files = Directory.GetFiles(RepoPaths.Schemas, "*.json").OrderBy(p => p)
            .Select(p => new InputFile(p, File.ReadAllText(p), p.EndsWith(".annotations.json") ? "Annotation" : "Schema"));
        var result = Generate.Run(files);
        result.Diagnostics.ShouldBeEmpty();
        var (_, problems) = await Generate.CompileAsync(result.Sources, LanguageVersion.CSharp12);
        problems.ShouldBeEmpty(Generate.Format(problems));
    }
}
