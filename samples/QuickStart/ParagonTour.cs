using System;
using System.Threading.Tasks;
using ActionKit.Typed;
using QuickStart.ActionKit;

namespace QuickStart;

/// <summary>The read-only part of the tour against a real Paragon project: nothing is created or sent.</summary>
internal static class ParagonTour
{
    public static async Task<int> RunAsync(ParagonSettings settings)
    {
        var client = new ActionKitClient(new ActionKitClientOptions
        {
            ProjectId = settings.ProjectId,
            Token = settings.Token,
            SigningKey = settings.Token is null ? settings.SigningKey : null,
            UserId = settings.Token is null ? settings.UserId : null,
        });

        Out.Step($"Paragon project {settings.ProjectId} (read-only actions)");
        Out.Line($"{ActionKitCatalog.All.Count} actions in the generated catalog");
        try
        {
            var channels = 0;
            await foreach (var channel in client.Slack().ListChannelsPagedAsync(new(), new PaginationOptions { MaxItems = 10 }))
            {
                Out.Line($"#{channel.Name}");
                channels++;
            }

            Out.Line($"{channels} Slack channels (at most 10)");
            return 0;
        }
        catch (ActionKitException ex)
        {
            Out.Fail($"{ex.Kind}: {ex.ErrorMessage} (HTTP {ex.Status}, request id {ex.RequestId})");
            return ex.Kind == ActionKitErrorKind.NotConnected ? 0 : 1;
        }
        catch (ActionKitPaginationException ex) when (ex.InnerException is ActionKitException inner)
        {
            Out.Fail($"{inner.Kind}: {inner.ErrorMessage} (HTTP {inner.Status}, request id {inner.RequestId})");
            return inner.Kind == ActionKitErrorKind.NotConnected ? 0 : 1;
        }
    }
}
