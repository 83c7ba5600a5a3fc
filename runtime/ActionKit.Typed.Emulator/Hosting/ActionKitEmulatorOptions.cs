using System;
using System.Collections.Generic;

namespace ActionKit.Typed.Emulator;

/// <summary>How an <see cref="ActionKitEmulator"/> starts: its catalog, its project and key, and how strict it is.</summary>
public sealed class ActionKitEmulatorOptions
{
    /// <summary>The project id served under <c>/projects/{id}/</c>; requests for other projects get 404.</summary>
    public string ProjectId { get; set; } = ActionKitEmulator.DefaultProjectId;

    /// <summary>Folders searched recursively for schema files (<c>*.json</c>) and annotation files (<c>*.annotations.json</c>).</summary>
    /// <remarks>Bare tools in a sub-folder are listed under the sub-folder's name (the layout <c>slack/SLACK_X.json</c>).</remarks>
    public IList<string> SchemaDirectories { get; private set; } = [];

    /// <summary>Single schema or annotation files.</summary>
    public IList<string> SchemaFiles { get; private set; } = [];

    /// <summary>Schema documents given as JSON text: a List Actions response, a tool object or an array of tools.</summary>
    public IList<string> SchemaDocuments { get; private set; } = [];

    /// <summary>Annotation documents given as JSON text (the <c>*.annotations.json</c> format).</summary>
    public IList<string> AnnotationDocuments { get; private set; } = [];

    /// <summary>Whether to serve the SDK's bundled catalog (embedded in this assembly); other schemas override it by action name.</summary>
    public bool IncludeBundledCatalog { get; set; } = true;

    /// <summary>Whether every request needs a valid Paragon User Token; when false, a token's <c>sub</c> is still read (unchecked) when one is sent.</summary>
    public bool RequireToken { get; set; } = true;

    /// <summary>The RSA private key (PEM) whose public key verifies tokens; a new key is generated when this and <see cref="PublicKeyPem"/> are null.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>An RSA public key (PEM) to verify tokens with, when the private key stays elsewhere.</summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>Whether every user has every integration connected unless a test disconnects it (default true).</summary>
    public bool AllIntegrationsConnected { get; set; } = true;

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The user a request acts for when tokens are not required and none is sent.</summary>
    public string DefaultUserId { get; set; } = "emulator-user";

    /// <summary>How far past <c>exp</c> a token is still accepted (default none).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// When set, tokens must carry this <c>aud</c> (Paragon's setup guide uses <c>useparagon.com/{projectId}</c>);
    /// when null (the default) <c>aud</c> is not checked, as Paragon's own MCP server signs tokens without one.
    /// </summary>
    public string? RequiredAudience { get; set; }

    /// <summary>The clock tokens are checked against and journal entries are stamped with (injected delays use real time).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How many bytes a synthesized byte-stream result has (default 16 KiB).</summary>
    public int BinaryResultLength { get; set; } = 16 * 1024;

    /// <summary>How many items the seeded list of a paginated action has (default 5).</summary>
    public int PaginatedItemCount { get; set; } = 5;

    /// <summary>Items per page of a paginated action when the call sends no limit (default 2, so the default list has three pages).</summary>
    public int DefaultPageSize { get; set; } = 2;

    /// <summary>What the next cursor holds on a list's last page (default <see cref="EmulatorEndOfList.Null"/>).</summary>
    public EmulatorEndOfList EndOfList { get; set; } = EmulatorEndOfList.Null;

    /// <summary>The request body limit answered with 413; ActionKit documents 10 MB.</summary>
    public long MaxRequestBodySize { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// How many requests the journal keeps, the oldest forgotten first; null (the default) keeps every request.
    /// The command-line mode keeps 1,000, so a long-running emulator does not grow without end.
    /// </summary>
    public int? MaxJournalEntries { get; set; }

    /// <summary>A copy, so changing the options after start does not change a running emulator.</summary>
    internal ActionKitEmulatorOptions Snapshot()
    {
        var copy = (ActionKitEmulatorOptions)MemberwiseClone();
        copy.SchemaDirectories = [.. SchemaDirectories];
        copy.SchemaFiles = [.. SchemaFiles];
        copy.SchemaDocuments = [.. SchemaDocuments];
        copy.AnnotationDocuments = [.. AnnotationDocuments];
        return copy;
    }
}
