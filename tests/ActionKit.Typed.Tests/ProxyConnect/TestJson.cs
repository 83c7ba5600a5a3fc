using System.Text.Json.Serialization;

namespace ActionKit.Typed.Tests.ProxyConnect;

public sealed record SlackMessage(string Channel, string Text);

public sealed record EchoOutput(string Method, string Integration, string Path, string? Url, int BodyLength);

public sealed record ContactCreated(string Name, string Email);

/// <summary>Source-generated (reflection-free) metadata, as an AOT app would pass it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(EchoOutput))]
[JsonSerializable(typeof(ContactCreated))]
public sealed partial class TestJson : JsonSerializerContext;
