using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace ActionKit.Typed.Generator.Tests.Support;

/// <summary>The SourceGenerators.Testing harness set up as a consuming project would be: net10, the runtime, schema files tagged by kind.</summary>
internal static class Harness
{
    public static CSharpSourceGeneratorTest<ActionKitGenerator, DefaultVerifier> Create(IEnumerable<InputFile> files, IEnumerable<(string HintName, string Text)> expected)
    {
        var list = files.ToList();
        var test = new CSharpSourceGeneratorTest<ActionKitGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = References.Net10,
        };
        test.TestState.AdditionalReferences.AddRange(References.Runtime);
        foreach (var file in list)
        {
            test.TestState.AdditionalFiles.Add((file.Path, SourceText.From(file.Text, Encoding.UTF8)));
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(list)));
        foreach (var (hintName, text) in expected)
        {
            test.TestState.GeneratedSources.Add((typeof(ActionKitGenerator), hintName, SourceText.From(text, Encoding.UTF8)));
        }

        return test;
    }

    /// <summary>What MSBuild writes for ActionKitSchema items: a global config with a section per file.</summary>
    public static string GlobalConfig(IEnumerable<InputFile> files)
    {
        var builder = new StringBuilder()
            .Append("is_global = true\n")
            .Append("build_property.ActionKitNamespace = ").Append(Generate.Namespace).Append('\n');
        foreach (var file in files)
        {
            builder.Append('\n').Append('[').Append(file.Path).Append("]\n")
                .Append("build_metadata.AdditionalFiles.ActionKitKind = ").Append(file.Kind).Append('\n');
        }

        return builder.ToString();
    }
}
