using System;
using System.IO;
using System.Runtime.InteropServices;

namespace ActionKit.Typed.Package.Tests.Infrastructure;

/// <summary>The runtime identifier and executable name a Native AOT publish produces on this machine.</summary>
public static class NativeTarget
{
    public static string RuntimeIdentifier
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            return $"{os}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
        }
    }

    public static string Executable(string directory, string name) =>
        Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".exe" : name);
}
