using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ActionKit.Typed.Benchmarks.Runtime;

/// <summary>
/// The emulator in its own process (its command-line mode), so the server's CPU time and allocations stay out of the
/// client's measurement; BenchmarkDotNet's allocation figure is process-wide.
/// </summary>
public sealed class EmulatorProcess : IDisposable
{
    private const string Assembly = "ActionKit.Typed.Emulator.dll";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseAddress, string projectId, string signingKeyPem)
    {
        _process = process;
        BaseAddress = baseAddress;
        ProjectId = projectId;
        SigningKeyPem = signingKeyPem;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public Uri BaseAddress { get; }

    public string ProjectId { get; }

    public string SigningKeyPem { get; }

    /// <summary>Starts the emulator with its bundled catalog and a fresh signing key; <paramref name="options"/> are further command-line options.</summary>
    public static EmulatorProcess Start(params string[] options)
    {
        var dll = Locate();
        var keyFile = Path.Combine(Path.GetTempPath(), $"actionkit-bench-key-{Environment.ProcessId}.pem");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--port", "0", "--project", "bench-project", "--key-out", keyFile, "--quiet" }.Concat(options))
        {
            start.ArgumentList.Add(arg);
        }

        // The server runs as it would for a user: workstation GC, tiered JIT; nothing tuned for the benchmark.
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
        _ = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? line;
        while ((line = ReadLine(process, deadline)) is not null)
        {
            const string marker = "listening on ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var address = new Uri(line.Substring(at + marker.Length).Trim());
                var pem = File.ReadAllText(keyFile);
                File.Delete(keyFile);
                _ = process.StandardOutput.ReadToEndAsync();
                return new EmulatorProcess(process, address, "bench-project", pem);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The emulator did not report its address.");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static string? ReadLine(Process process, DateTime deadline)
    {
        var read = process.StandardOutput.ReadLineAsync();
        var remaining = deadline - DateTime.UtcNow;
        if (remaining <= TimeSpan.Zero || !read.Wait(remaining))
        {
            return null;
        }

        return read.Result;
    }

    /// <summary>The emulator's build output: beside this assembly, or (in BenchmarkDotNet's generated child project) a few folders up.</summary>
    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; directory is not null && i < 8; i++, directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, Assembly);
            if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{Assembly} (with its runtimeconfig.json) was not found near {AppContext.BaseDirectory}; build the benchmarks project first.");
    }
}
