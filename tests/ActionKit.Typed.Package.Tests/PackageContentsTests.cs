using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using ActionKit.Typed.Package.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Package.Tests;

/// <summary>`dotnet pack runtime/ActionKit.Typed` makes one package with the runtime, the generator, the build files and the bundled catalog.</summary>
public sealed class PackageContentsTests(PackageFixture package)
{
    [Fact]
    public void Pack_succeeds_without_warnings()
    {
        package.Pack.ExitCode.ShouldBe(0, package.Pack.Describe());
        File.Exists(package.PackagePath).ShouldBeTrue(package.Pack.Describe());
        BuildDiagnostics.Parse(package.Pack.Output).ShouldBeEmpty(package.Pack.Describe());
    }

    [Fact]
    public void Package_carries_runtime_generator_build_files_and_bundled_schemas()
    {
        package.EnsurePacked();
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();

        entries.ShouldContain("lib/net10.0/ActionKit.Typed.dll");
        entries.ShouldContain("lib/net10.0/ActionKit.Typed.xml");
        entries.ShouldContain("analyzers/dotnet/cs/ActionKit.Typed.Generator.dll");
        entries.ShouldContain("buildTransitive/ActionKit.Typed.props");
        entries.ShouldContain("buildTransitive/ActionKit.Typed.targets");
        entries.ShouldContain("README.md");

        // The generator is an analyzer only: never a library the consumer compiles against.
        entries.ShouldNotContain(e => e.StartsWith("lib/") && e.Contains("Generator"));

        var bundled = Directory.GetFiles(RepoPaths.BundledSchemas, "*.json").Select(f => "schemas/" + Path.GetFileName(f)).ToList();
        bundled.ShouldNotBeEmpty();
        entries.Where(e => e.StartsWith("schemas/")).OrderBy(e => e).ShouldBe(bundled.OrderBy(e => e));
    }

    [Fact]
    public void Build_files_in_the_package_are_the_ones_in_the_repository()
    {
        package.EnsurePacked();
        using var archive = ZipFile.OpenRead(package.PackagePath);
        foreach (var name in new[] { "ActionKit.Typed.props", "ActionKit.Typed.targets" })
        {
            using var reader = new StreamReader(archive.GetEntry("buildTransitive/" + name)!.Open());
            reader.ReadToEnd().ShouldBe(File.ReadAllText(Path.Combine(RepoPaths.Root, "runtime", "ActionKit.Typed", "buildTransitive", name)));
        }
    }

    [Fact]
    public void Nuspec_depends_on_System_ClientModel_and_not_on_the_generator()
    {
        package.EnsurePacked();
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var stream = archive.GetEntry("ActionKit.Typed.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        metadata.Element(ns + "id")!.Value.ShouldBe("ActionKit.Typed");
        metadata.Element(ns + "version")!.Value.ShouldBe(package.Version);
        metadata.Element(ns + "readme")!.Value.ShouldBe("README.md");

        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
        dependencies.ShouldContain("System.ClientModel");
        dependencies.ShouldNotContain(d => d.Contains("Generator"));
    }
}
