using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Tests.Files;

public sealed class ActionKitFileTests
{
    [Fact]
    public void File_object_has_the_documented_shape_with_lowercase_hex()
    {
        var file = ActionKitFile.FromBytes(Encoding.UTF8.GetBytes("This is a sample text."), "text/plain", "test.txt");

        file.ToJsonElement().GetRawText().ShouldBe("""{"name":"test.txt","mimeType":"text/plain","data":"5468697320697320612073616d706c6520746578742e","dataType":"FILE"}""");
    }

    [Fact]
    public void Name_is_omitted_when_not_given()
    {
        JsonElement element = ActionKitFile.FromBytes(new byte[] { 0xAB, 0x01 }, "application/octet-stream");

        element.GetRawText().ShouldBe("""{"mimeType":"application/octet-stream","data":"ab01","dataType":"FILE"}""");
    }

    [Fact]
    public async Task From_stream_reads_to_the_end()
    {
        var file = await ActionKitFile.FromStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes("Hello, world!")), "text/plain", "hello.txt", cancellationToken: TestContext.Current.CancellationToken);

        file.Length.ShouldBe(13);
        file.ToJsonElement().GetProperty("data").GetString().ShouldBe("48656c6c6f2c20776f726c6421");
    }

    [Fact]
    public async Task From_stream_stops_past_the_limit_and_points_to_the_proxy_api()
    {
        var error = await Should.ThrowAsync<ActionKitRequestTooLargeException>(() =>
            ActionKitFile.FromStreamAsync(new MemoryStream(new byte[2048]), "application/pdf", "big.pdf", maxLength: 1024));

        error.Message.ShouldContain("Proxy API");
    }

    [Fact]
    public async Task Upload_in_a_request_is_sent_as_a_file_object()
    {
        var server = new FakeActionKit();
        var client = Clients.Create(server);

        await client.RunAsync(new GoogleDriveSaveFile(ActionKitFile.FromBytes(Encoding.UTF8.GetBytes("Hello, world!"), "text/plain", "hello.txt")), TestContext.Current.CancellationToken);

        server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe(
            """{"action":"GOOGLE_DRIVE_SAVE_FILE","parameters":{"file":{"name":"hello.txt","mimeType":"text/plain","data":"48656c6c6f2c20776f726c6421","dataType":"FILE"}}}""");
    }

    [Fact]
    public async Task Oversized_upload_is_refused_before_anything_is_sent()
    {
        var server = new FakeActionKit();
        var client = Clients.Create(server);
        var file = ActionKitFile.FromBytes(new byte[(5 * 1024 * 1024) + 1], "application/pdf", "big.pdf");

        var error = await Should.ThrowAsync<ActionKitRequestTooLargeException>(() => client.RunAsync(new GoogleDriveSaveFile(file)));

        server.Requests.ShouldBeEmpty();
        error.ActionName.ShouldBe("GOOGLE_DRIVE_SAVE_FILE");
        error.Limit.ShouldBe(10L * 1024 * 1024);
        error.Size.ShouldBeGreaterThan(error.Limit);
        error.Message.ShouldContain("Proxy API");
        error.ShouldBeAssignableTo<ArgumentException>();
    }

    [Fact]
    public async Task A_file_just_under_the_limit_is_sent()
    {
        var server = new FakeActionKit();
        var client = Clients.Create(server);
        var file = ActionKitFile.FromBytes(new byte[(5 * 1024 * 1024) - 200], "application/pdf", "fits.pdf");

        await client.RunAsync(new GoogleDriveSaveFile(file), TestContext.Current.CancellationToken);

        server.Requests.ShouldHaveSingleItem().Body.Length.ShouldBeLessThanOrEqualTo(10 * 1024 * 1024);
    }
}
