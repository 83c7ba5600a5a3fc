namespace ActionKit.Typed.Generator;

/// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
internal static class TrackingNames
{
    public const string Inputs = nameof(Inputs);
    public const string Parse = nameof(Parse);
    public const string Settings = nameof(Settings);
    public const string Build = nameof(Build);
    public const string Integrations = nameof(Integrations);
    public const string Index = nameof(Index);
}
