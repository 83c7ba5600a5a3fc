using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;

namespace ActionKit.Typed.Cli.Pull;

/// <summary><c>pull</c>: List Actions → one normalized schema file per integration.</summary>
internal static class PullCommand
{
    public static Command Create(CliContext context)
    {
        var projectId = new Option<string?>("--project-id", "-p") { Description = "The Paragon project id (default: PARAGON_PROJECT_ID)." };
        var token = new Option<string?>("--token", "-t") { Description = "A Paragon user token (default: PARAGON_USER_TOKEN)." };
        var signingKey = new Option<string?>("--signing-key") { Description = "The project's signing key (PEM file) to mint a user token with (default: PARAGON_SIGNING_KEY, PEM text or a path)." };
        var userId = new Option<string?>("--user-id") { Description = "The user whose schemas to pull, when minting a token (default: PARAGON_USER_ID)." };
        var integrations = new Option<string[]>("--integrations", "-i") { Description = "Only these integrations (comma-separated or repeated), e.g. salesforce,hubspot.", AllowMultipleArgumentsPerToken = true };
        var categories = new Option<string[]>("--categories") { Description = "Only these categories (comma-separated or repeated), e.g. crm,project_management.", AllowMultipleArgumentsPerToken = true };
        var reloadFields = new Option<bool>("--reload-fields") { Description = "Ask Paragon to reload custom fields first (slower)." };
        var limitToAvailable = new Option<bool?>("--limit-to-available") { HelpName = "true|false", Description = "true: only integrations the user connected; false: every integration enabled in the project. Omitted: Paragon's default (true)." , Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write <integration>.json files to.", DefaultValueFactory = _ => "actionkit" };
        var endpoint = new Option<string?>("--endpoint") { Description = $"The ActionKit base URL (default: PARAGON_ACTIONKIT_URL or {PullRequestOptions.DefaultEndpoint}); on-prem: https://worker-actionkit.<your base URL>." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the whole response.", DefaultValueFactory = _ => 120 };

        var command = new Command("pull", "Pull the project's ActionKit schemas (List Actions, format=json_schema) into one normalized file per integration. Annotation files are never touched; files change only when the whole response was read and parsed.")
        {
            projectId, token, signingKey, userId, integrations, categories, reloadFields, limitToAvailable, output, endpoint, timeout,
        };

        command.SetAction((parse, cancellationToken) => CliApp.Guard(context, () => RunAsync(
            context,
            parse.GetValue(projectId),
            parse.GetValue(token),
            parse.GetValue(signingKey),
            parse.GetValue(userId),
            SplitList(parse.GetValue(integrations)),
            SplitList(parse.GetValue(categories)),
            parse.GetValue(reloadFields),
            parse.GetResult(limitToAvailable) is { Implicit: false } ? parse.GetValue(limitToAvailable) ?? true : null,
            parse.GetValue(output)!,
            parse.GetValue(endpoint),
            parse.GetValue(timeout),
            cancellationToken)));
        return command;
    }

    public static async Task<int> RunAsync(
        CliContext context,
        string? projectId,
        string? token,
        string? signingKey,
        string? userId,
        IReadOnlyList<string> integrations,
        IReadOnlyList<string> categories,
        bool reloadFields,
        bool? limitToAvailable,
        string output,
        string? endpoint,
        int timeoutSeconds,
        CancellationToken cancellationToken)
    {
        projectId ??= context.Variable("PARAGON_PROJECT_ID");
        if (string.IsNullOrWhiteSpace(projectId))
        {
            throw new CliException("No project: pass --project-id (or set PARAGON_PROJECT_ID).");
        }

        endpoint ??= context.Variable("PARAGON_ACTIONKIT_URL") ?? PullRequestOptions.DefaultEndpoint;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri) || (endpointUri.Scheme != Uri.UriSchemeHttps && endpointUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new CliException($"--endpoint '{endpoint}' is not an http(s) URL.");
        }

        if (timeoutSeconds <= 0)
        {
            throw new CliException("--timeout must be a positive number of seconds.");
        }

        var userToken = UserTokenSource.Resolve(context, token, signingKey, userId, projectId.Trim());
        var options = new PullRequestOptions(endpointUri, projectId.Trim(), integrations, categories, reloadFields, limitToAvailable, TimeSpan.FromSeconds(timeoutSeconds));

        byte[] body;
        using (var progress = new ProgressDisplay(context.Error, context.Interactive, $"Pulling schemas from {endpointUri.GetLeftPart(UriPartial.Authority)}"))
        {
            body = await ListActionsClient.FetchAsync(options, userToken, progress, cancellationToken).ConfigureAwait(false);
        }

        NormalizedResponse response;
        try
        {
            response = SchemaNormalizer.Normalize(body);
        }
        catch (CliException ex)
        {
            throw new CliException($"The List Actions response from {endpointUri.GetLeftPart(UriPartial.Authority)} is malformed: {ex.Message}. Nothing was written; the files in '{output}' are unchanged.", ex);
        }

        var folder = Path.GetFullPath(output);
        var results = SchemaFileWriter.WriteAll(folder, response.Files.Select(f => (f.FileName, f.Content)).ToList());

        foreach (var error in response.Errors)
        {
            context.WriteWarning($"ActionKit reported: {error}");
        }

        var outcomes = results.ToDictionary(r => Path.GetFileName(r.Path), r => r.Outcome, StringComparer.Ordinal);
        foreach (var file in response.Files)
        {
            var outcome = outcomes[file.FileName];
            context.Output.WriteLine($"  {outcome.ToString().ToLowerInvariant(),-9} {SchemaFiles.Display(Path.Combine(folder, file.FileName))} ({file.ActionCount} action{(file.ActionCount == 1 ? string.Empty : "s")})");
        }

        var stale = Directory.EnumerateFiles(folder, "*.json")
            .Where(f => !SchemaFiles.IsAnnotation(f) && !Path.GetFileName(f).StartsWith('.') && !outcomes.ContainsKey(Path.GetFileName(f)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (integrations.Count == 0 && categories.Count == 0)
        {
            foreach (var file in stale)
            {
                context.WriteWarning($"{SchemaFiles.Display(file)} was not in the response (integration disabled or not connected?); it was left as it is.");
            }
        }

        var changed = results.Count(r => r.Outcome != FileOutcome.Unchanged);
        context.Output.WriteLine($"Pulled {response.Files.Sum(f => f.ActionCount)} actions of {response.Files.Count} integration{(response.Files.Count == 1 ? string.Empty : "s")} into {SchemaFiles.Display(folder)}: {changed} file{(changed == 1 ? string.Empty : "s")} written, {results.Count - changed} unchanged.");
        if (response.Errors.Count > 0)
        {
            context.WriteWarning($"ActionKit listed {response.Errors.Count} error{(response.Errors.Count == 1 ? string.Empty : "s")}; the files hold what it did return.");
            return ExitCodes.Changes;
        }

        return ExitCodes.Success;
    }

    internal static IReadOnlyList<string> SplitList(IEnumerable<string>? values) =>
        (values ?? Array.Empty<string>())
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
