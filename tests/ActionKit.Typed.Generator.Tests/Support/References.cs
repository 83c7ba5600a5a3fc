using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ActionKit.Typed.Generator.Tests.Support;

/// <summary>What generated code compiles against: net10.0 reference assemblies, the ActionKit.Typed runtime and System.ClientModel.</summary>
internal static class References
{
    /// <summary>The harness's built-in sets name versions the package source may lack; this is the one the SDK ships.</summary>
    public static readonly ReferenceAssemblies Net10 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    /// <summary>The runtime contracts generated code targets, and the assemblies their public signatures use.</summary>
    public static readonly ImmutableArray<MetadataReference> Runtime = new[]
    {
        typeof(ActionKit.Typed.IActionRequest).Assembly.Location,
        typeof(System.ClientModel.ClientResult).Assembly.Location,
    }.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> LazyAll = new(ResolveAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Framework plus runtime references for in-memory compilations.</summary>
    public static Task<ImmutableArray<MetadataReference>> AllAsync() => LazyAll.Value;

    private static async Task<ImmutableArray<MetadataReference>> ResolveAsync()
    {
        var framework = await Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
        return framework.AddRange(Runtime);
    }
}
