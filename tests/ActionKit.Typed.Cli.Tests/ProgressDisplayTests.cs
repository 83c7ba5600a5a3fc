using System.IO;
using System.Threading.Tasks;
using ActionKit.Typed.Cli.Pull;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Cli.Tests;

public sealed class ProgressDisplayTests
{
    [Fact]
    public async Task Draws_received_bytes_and_percent_in_place_and_clears_the_line()
    {
        var writer = new StringWriter();
        using (var progress = new ProgressDisplay(writer, enabled: true, "Pulling"))
        {
            progress.Report(512 * 1024, 1024 * 1024);
            await Task.Delay(400, TestContext.Current.CancellationToken);
        }

        var text = writer.ToString();
        text.ShouldContain("Pulling: receiving 512.0 KB  50%");
        text.ShouldStartWith("\r");
        text.ShouldNotContain("\n");
        text.ShouldEndWith("\r");
    }

    [Fact]
    public async Task Stays_quiet_when_output_is_redirected()
    {
        var writer = new StringWriter();
        using (var progress = new ProgressDisplay(writer, enabled: false, "Pulling"))
        {
            progress.Report(10, 100);
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        writer.ToString().ShouldBeEmpty();
    }
}
