using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ActionKit.Typed.Emulator.Hosting;

/// <summary>Runs the emulator as a process until Ctrl+C or SIGTERM, printing what a client needs to reach it.</summary>
internal static class CommandLine
{
    private const string Usage = """
        ActionKit emulator: a local Paragon ActionKit (with Proxy and Connect paths) on 127.0.0.1.

        Options:
          --port <n>            Port to listen on (default 0 = any free port).
          --schemas <dir>       Folder of schema and annotation files (repeatable).
          --schema-file <file>  One schema or annotation file (repeatable).
          --project <id>        Project id (default emulator-project).
          --signing-key <file>  Use this RSA private key (PEM) instead of generating one.
          --key-out <file>      Where to write the signing key (default: a file in the temp folder).
          --no-bundled          Do not serve the bundled catalog.
          --no-auth             Do not require a Paragon User Token.
          --disconnected        Users start with no integrations connected.
          --paged-data <action>=<cursor|offset|page>:<items>:<page size>
                                Serve a seeded paged data set for an action (repeatable),
                                e.g. ASANA_GET_PROJECTS=cursor:100000:100.
          --quiet               Do not print each request.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        // Nothing reads the journal of a process but its console echo: keep only the recent requests.
        var options = new ActionKitEmulatorOptions { MaxJournalEntries = 1000 };
        string? keyOut = null;
        var quiet = false;
        var pagedData = new List<(string Action, PagedDataSet DataSet)>();
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--port":
                        options.Port = int.Parse(Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "--schemas":
                        options.SchemaDirectories.Add(Value(args, ref i));
                        break;
                    case "--schema-file":
                        options.SchemaFiles.Add(Value(args, ref i));
                        break;
                    case "--project":
                        options.ProjectId = Value(args, ref i);
                        break;
                    case "--signing-key":
                        options.SigningKeyPem = File.ReadAllText(Value(args, ref i));
                        break;
                    case "--key-out":
                        keyOut = Value(args, ref i);
                        break;
                    case "--no-bundled":
                        options.IncludeBundledCatalog = false;
                        break;
                    case "--no-auth":
                        options.RequireToken = false;
                        break;
                    case "--disconnected":
                        options.AllIntegrationsConnected = false;
                        break;
                    case "--paged-data":
                        pagedData.Add(ParsePagedData(Value(args, ref i)));
                        break;
                    case "--quiet":
                        quiet = true;
                        break;
                    case "-h" or "--help" or "-?":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        throw new ArgumentException($"Unknown option '{args[i]}'.");
                }
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or IOException or OverflowException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        ActionKitEmulator emulator;
        try
        {
            emulator = await ActionKitEmulator.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException)
        {
            Console.Error.WriteLine($"The emulator could not start: {ex.Message}");
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            foreach (var (action, dataSet) in pagedData)
            {
                emulator.SetPagedData(action, dataSet);
            }

            keyOut ??= Path.Combine(Path.GetTempPath(), "actionkit-emulator", $"signing-key-{emulator.BaseAddress.Port}.pem");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyOut))!);
            await File.WriteAllTextAsync(keyOut, options.PublicKeyPem is null ? emulator.SigningKeyPem : emulator.PublicKeyPem, stop.Token).ConfigureAwait(false);

            Console.WriteLine($"ActionKit emulator listening on {emulator.BaseAddress}");
            Console.WriteLine($"Project id:  {emulator.ProjectId}");
            Console.WriteLine($"Signing key: {Path.GetFullPath(keyOut)}");
            Console.WriteLine($"Catalog:     {emulator.ActionNames.Count} actions in {emulator.Integrations.Count} integrations");
            foreach (var warning in emulator.CatalogWarnings)
            {
                Console.WriteLine($"  skipped: {warning}");
            }

            Console.WriteLine(options.RequireToken ? "Tokens:      required (RS256, signed with the key above)" : "Tokens:      not required");
            Console.WriteLine("Press Ctrl+C to stop.");
            if (!quiet)
            {
                emulator.Journal.Recorded += r => Console.WriteLine($"{r.Timestamp:HH:mm:ss.fff} {r.Method} {r.Path}{(r.ActionName is { } a ? " " + a : string.Empty)}");
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    // <action>=<cursor|offset|page>:<items>:<page size>
    private static (string Action, PagedDataSet DataSet) ParsePagedData(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var parts = equals > 0 ? value[(equals + 1)..].Split(':') : [];
        if (parts.Length != 3)
        {
            throw new ArgumentException($"--paged-data '{value}' is not <action>=<cursor|offset|page>:<items>:<page size>.");
        }

        var items = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var pageSize = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        var dataSet = parts[0] switch
        {
            "cursor" => PagedDataSet.Cursor(items, pageSize),
            "offset" => PagedDataSet.Offset(items, pageSize),
            "page" => PagedDataSet.PageNumber(items, pageSize),
            _ => throw new ArgumentException($"--paged-data style '{parts[0]}' is not cursor, offset or page."),
        };
        return (value[..equals], dataSet);
    }

    private static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
}
