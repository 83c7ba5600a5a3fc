namespace ActionKit.Typed.Emulator;

/// <summary>
/// What a paginated result's next cursor holds on the last page. ActionKit's actions have used all four; Paragon
/// is standardising on <see cref="Null"/>, and clients must treat every one of them as the end.
/// </summary>
public enum EmulatorEndOfList
{
    /// <summary>The cursor is JSON <c>null</c>.</summary>
    Null = 0,

    /// <summary>The cursor property is left out.</summary>
    Absent = 1,

    /// <summary>The cursor is <c>false</c>.</summary>
    False = 2,

    /// <summary>The cursor is an empty string.</summary>
    EmptyString = 3,
}
