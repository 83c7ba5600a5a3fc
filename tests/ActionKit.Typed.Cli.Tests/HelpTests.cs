using System.Threading.Tasks;
using ActionKit.Typed.Cli.Common;
using ActionKit.Typed.Cli.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("pull", "--integrations")]
    [InlineData("diff", "--format")]
    [InlineData("validate", "--payload")]
    [InlineData("generate", "--out")]
    public async Task Every_command_has_help(string command, string option)
    {
        var run = await ActionKitCli.RunAsync(command, "--help");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("Usage:");
        run.Output.ShouldContain(option);
    }

    [Fact]
    public async Task Root_help_lists_the_commands()
    {
        var run = await ActionKitCli.RunAsync("--help");

        run.ExitCode.ShouldBe(0);
        foreach (var command in new[] { "pull", "diff", "validate", "generate" })
        {
            run.Output.ShouldContain(command);
        }
    }

    [Fact]
    public async Task A_wrong_command_line_is_a_usage_error()
    {
        var run = await ActionKitCli.RunAsync("diff", "only-one-path");

        run.ExitCode.ShouldBe(ExitCodes.Usage);
        run.Error.ShouldContain("--help");
    }
}
