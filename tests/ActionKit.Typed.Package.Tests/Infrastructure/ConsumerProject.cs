using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;

namespace ActionKit.Typed.Package.Tests.Infrastructure;

/// <summary>
/// A throwaway application that references the packed ActionKit.Typed package, as a user's project would: held to
/// zero warnings (TreatWarningsAsErrors, documentation file on), with its schema files and a Program.cs.
/// </summary>
public sealed class ConsumerProject
{
    /// <summary>Folder, project file, assembly and root namespace name; a C# identifier.</summary>
    public required string Name { get; init; }

    public string LangVersion { get; init; } = "latest";

    /// <summary>Extra MSBuild properties, written as they are.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra items, as raw MSBuild XML (for example <c>&lt;ActionKitSchema Include="actionkit/**/*.json" /&gt;</c>).</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Files to write, by path relative to the project folder.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>Files to copy: source path → path relative to the project folder.</summary>
    public IReadOnlyDictionary<string, string> CopiedFiles { get; init; } = new Dictionary<string, string>();

    public required string Program { get; init; }

    public string ProjectPath(string root) => Path.Combine(root, Name, Name + ".csproj");

    /// <summary>The framework-dependent build output, for `dotnet &lt;dll&gt;`.</summary>
    public string OutputAssembly(string root) => Path.Combine(root, Name, "bin", "Debug", "net10.0", Name + ".dll");

    public void WriteTo(string root, string packageVersion)
    {
        var directory = Path.Combine(root, Name);
        Directory.CreateDirectory(directory);
        var properties = string.Concat(Properties.Select(p => $"\n    <{p.Key}>{SecurityElement.Escape(p.Value)}</{p.Key}>"));
        var items = string.Concat(Items.Select(i => $"\n    {i}"));
        File.WriteAllText(ProjectPath(root), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>{Name}</RootNamespace>
                <LangVersion>{LangVersion}</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <!-- The package mirror lacks some exact versions; a nearest-higher resolution is not the package's fault. -->
                <NoWarn>$(NoWarn);NU1603;NU1608</NoWarn>{properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ActionKit.Typed" Version="{packageVersion}" />{items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        foreach (var (path, content) in Files)
        {
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content);
        }

        foreach (var (source, path) in CopiedFiles)
        {
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
    }
}
