using System;
using System.IO;

namespace ActionKit.Typed.Cli.Tests.Infrastructure;

/// <summary>Paths in this repository.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActionKit.Typed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ActionKit.Typed.sln) was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Small schema documents for tests.</summary>
public static class Schemas
{
    public static string Tool(string name, string properties, string required = "[]", string description = "An action.") => $$"""
        { "type": "function", "function": { "name": "{{name}}", "description": "{{description}}", "parameters": { "type": "object", "properties": {{properties}}, "required": {{required}}, "additionalProperties": false } } }
        """;

    public static string Envelope(string integration, params string[] tools) => $$"""
        { "actions": { "{{integration}}": [ {{string.Join(",\n", tools)}} ] }, "errors": [] }
        """;
}
