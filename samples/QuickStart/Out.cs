using System;

namespace QuickStart;

/// <summary>Readable console output: a heading per step, then indented lines.</summary>
internal static class Out
{
    public static void Step(string title)
    {
        Console.WriteLine();
        Console.ForegroundColor = ConsoleColor.Cyan;
        Console.WriteLine($"== {title}");
        Console.ResetColor();
    }

    public static void Line(string text) => Console.WriteLine($"   {text}");

    public static void Fail(string text)
    {
        Console.ForegroundColor = ConsoleColor.Yellow;
        Console.WriteLine($"   {text}");
        Console.ResetColor();
    }
}
