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

    public SchemaCatalog Catalog { get; } = catalog;

    public SigningKey SigningKey { get; } = signingKey;

    public TokenVerifier Tokens { get; } = new(signingKey, options.TimeProvider, options.ClockSkew, options.RequiredAudience);

    public EmulatorJournal Journal { get; } = journal;

    public EmulatorFaults Faults { get; } = faults;

    public ConnectionRegistry Connections { get; } = new(options.AllIntegrationsConnected);

    public ScriptedResults Results { get; } = new();

    public PaginationScripts Pagination { get; } = new(options);

    public ProxyScripts Proxy { get; } = new();

    public UserProfiles Profiles { get; } = new();
}
