using Microsoft.CodeAnalysis;

namespace ActionKit.Typed.Cli.Common;

/// <summary>Formats problems the way compilers do, <c>file(line,col): error CODE: message</c>, so editors and CI link them.</summary>
internal static class Diagnostics
{
    public static string Format(string path, int line, int column, string severity, string code, string message) =>
        $"{SchemaFiles.Display(path)}({line},{column}): {severity} {code}: {message}";

    public static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return span.IsValid && !string.IsNullOrEmpty(span.Path)
            ? Format(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, severity, diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            : $"{severity} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
