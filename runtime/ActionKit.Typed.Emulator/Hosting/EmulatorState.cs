using ActionKit.Typed.Emulator.Auth;
using ActionKit.Typed.Emulator.Catalog;
using ActionKit.Typed.Emulator.State;

namespace ActionKit.Typed.Emulator.Hosting;

/// <summary>Everything the endpoints share: configuration, catalog, key, and the state tests script.</summary>
internal sealed class EmulatorState(
    ActionKitEmulatorOptions options,
    SchemaCatalog catalog,
    SigningKey signingKey,
    EmulatorJournal journal,
    EmulatorFaults faults)
{
    public string ProjectId { get; } = options.ProjectId;

    public ActionKitEmulatorOptions Options { get; } = options;

    private SchemaCatalog _catalog = catalog;

    /// <summary>The catalog served now; replaced whole, so a request sees either the old or the new one.</summary>
    public SchemaCatalog Catalog
    {
        get => System.Threading.Volatile.Read(ref _catalog);
        set => System.Threading.Volatile.Write(ref _catalog, value);
    }

    public SigningKey SigningKey { get; } = signingKey;

    public TokenVerifier Tokens { get; } = new(signingKey, options.TimeProvider, options.ClockSkew, options.RequiredAudience);

    public EmulatorJournal Journal { get; } = journal;

    public EmulatorFaults Faults { get; } = faults;

    public ConnectionRegistry Connections { get; } = new(options.AllIntegrationsConnected);

    public ScriptedResults Results { get; } = new();

    public PagedDataSets PagedData { get; } = new();

    public PaginationScripts Pagination { get; } = new(options);

    public ProxyScripts Proxy { get; } = new();

    public UserProfiles Profiles { get; } = new();
}
