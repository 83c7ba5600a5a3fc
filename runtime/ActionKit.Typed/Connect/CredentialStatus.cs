using System;

namespace ActionKit.Typed;

/// <summary>
/// A credential's status: <see cref="Valid"/>, <see cref="Invalid"/> or <see cref="Pending"/>, or any other value
/// Paragon sends (kept as is, so new statuses round-trip).
/// </summary>
public readonly struct CredentialStatus : IEquatable<CredentialStatus>
{
    private readonly string? _value;

    /// <summary>A status from its wire value.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CredentialStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary><c>VALID</c>: the connection works.</summary>
    public static CredentialStatus Valid { get; } = new("VALID");

    /// <summary><c>INVALID</c>: the connection failed (for example a revoked or expired grant); the user must reconnect.</summary>
    public static CredentialStatus Invalid { get; } = new("INVALID");

    /// <summary><c>PENDING</c>: connected but not finished (for example required post-OAuth options are missing).</summary>
    public static CredentialStatus Pending { get; } = new("PENDING");

    /// <summary>The wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is one of the statuses known to this SDK.</summary>
    public bool IsKnown => this == Valid || this == Invalid || this == Pending;

    /// <summary>Compares wire values (ordinal, case-sensitive as Paragon sends them).</summary>
    public static bool operator ==(CredentialStatus left, CredentialStatus right) => left.Equals(right);

    /// <summary>Compares wire values.</summary>
    public static bool operator !=(CredentialStatus left, CredentialStatus right) => !left.Equals(right);

    /// <summary>A status from its wire value.</summary>
    public static implicit operator CredentialStatus(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(CredentialStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CredentialStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
