using System.Collections.Generic;
using System.Text.Json;
using ActionKit.Typed.Serialization;

namespace ActionKit.Typed.Tests;

/// <summary>Hand-written requests shaped like generated ones: one write, one read, one file download, one file upload.</summary>
public sealed record SlackSendMessage(string Channel, string Message) : IActionRequest<SlackSendMessageResult>
{
    public static readonly ActionDescriptor<SlackSendMessage, SlackSendMessageResult> Action = new(
        "SLACK_SEND_MESSAGE", "slack", "Send a message.", ActionSafety.Write, null, "{}", "test",
        static (ref Utf8JsonReader reader) => throw new JsonException("not needed"),
        SlackSendMessageResult.Read);

    public ActionDescriptor<SlackSendMessageResult> Descriptor => Action;

    ActionDescriptor IActionRequest.Descriptor => Action;

    public void WriteParameters(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("channel", Channel);
        writer.WriteString("message", Message);
        writer.WriteEndObject();
    }
}

public sealed record SlackSendMessageResult(bool Ok, string? Ts)
{
    public static SlackSendMessageResult Read(ref Utf8JsonReader reader)
    {
        GeneratedJson.ExpectStartObject(ref reader);
        bool? ok = null;
        string? ts = null;
        while (GeneratedJson.Next(ref reader) != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            GeneratedJson.Next(ref reader);
            switch (name)
            {
                case "ok":
                    ok = GeneratedJson.ReadBoolean(ref reader);
                    break;
                case "ts":
                    ts = GeneratedJson.ReadString(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new SlackSendMessageResult(ok ?? throw GeneratedJson.MissingRequired(nameof(SlackSendMessageResult), "ok"), ts);
    }
}

public sealed record SlackListChannels : IActionRequest<UntypedActionResult>
{
    public static readonly ActionDescriptor<SlackListChannels, UntypedActionResult> Action = new(
        "SLACK_LIST_CHANNELS", "slack", "List channels.", ActionSafety.Read, null, "{}", "test",
        static (ref Utf8JsonReader reader) =>
        {
            reader.Skip();
            return new SlackListChannels();
        },
        UntypedActionResult.Read);

    public ActionDescriptor<UntypedActionResult> Descriptor => Action;

    ActionDescriptor IActionRequest.Descriptor => Action;

    public void WriteParameters(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteEndObject();
    }
}

public sealed record GoogleDriveDownloadFile(string FileId) : IActionRequest<ActionStreamResult>
{
    public static readonly ActionDescriptor<GoogleDriveDownloadFile, ActionStreamResult> Action = new(
        "GOOGLE_DRIVE_DOWNLOAD_FILE", "googledrive", "Download a file.", ActionSafety.Read, null, "{}", "test",
        static (ref Utf8JsonReader reader) => throw new JsonException("not needed"),
        null,
        ActionResultKind.Binary);

    public ActionDescriptor<ActionStreamResult> Descriptor => Action;

    ActionDescriptor IActionRequest.Descriptor => Action;

    public void WriteParameters(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("fileId", FileId);
        writer.WriteEndObject();
    }
}

public sealed record GoogleDriveSaveFile(JsonElement File) : IActionRequest<UntypedActionResult>
{
    public static readonly ActionDescriptor<GoogleDriveSaveFile, UntypedActionResult> Action = new(
        "GOOGLE_DRIVE_SAVE_FILE", "googledrive", "Save a file.", ActionSafety.Write, null, "{}", "test",
        static (ref Utf8JsonReader reader) => throw new JsonException("not needed"),
        UntypedActionResult.Read);

    public ActionDescriptor<UntypedActionResult> Descriptor => Action;

    ActionDescriptor IActionRequest.Descriptor => Action;

    public void WriteParameters(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("file");
        File.WriteTo(writer);
        writer.WriteEndObject();
    }
}

public static class TestCatalog
{
    public static ActionCatalog All { get; } = new(new List<ActionDescriptor> { SlackSendMessage.Action, SlackListChannels.Action, GoogleDriveDownloadFile.Action, GoogleDriveSaveFile.Action });
}
