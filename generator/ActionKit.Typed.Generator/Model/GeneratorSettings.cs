using System.Linq;
using ActionKit.Typed.Generator.Naming;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ActionKit.Typed.Generator.Model;

/// <summary>Build properties the generator reads: where the generated code goes.</summary>
internal sealed record GeneratorSettings(string Namespace)
{
    public const string DefaultNamespace = "ActionKit.Generated";

    public static GeneratorSettings From(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_property.ActionKitNamespace", out var ns) && !string.IsNullOrWhiteSpace(ns))
        {
            return new GeneratorSettings(Sanitize(ns));
        }

        if (options.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root))
        {
            return new GeneratorSettings(Sanitize(root + ".ActionKit"));
        }

        return new GeneratorSettings(DefaultNamespace);
    }

    /// <summary>Each dotted segment becomes a valid identifier, so a project named "my-app" still compiles.</summary>
    public static string Sanitize(string ns)
    {
        var segments = ns.Trim().Split('.')
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .Select(s => Identifier.IsValid(s) ? s : Identifier.ToPascal(s, "Generated").TrimStart('@'))
            .Select(s => s.Length > 0 && char.IsDigit(s[0]) ? "_" + s : s)
            .ToList();
        return segments.Count == 0 ? DefaultNamespace : string.Join(".", segments);
    }
}
