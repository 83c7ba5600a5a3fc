using System.Text.Json;
using ActionKit.Typed.EndToEnd.Tests.ActionKit;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.EndToEnd.Tests.Serialization;

/// <summary>JSON null for optional members of every kind, read and written through the generated converters.</summary>
public sealed class NullValueTests
{
    [Fact]
    public void Null_reads_as_null_for_an_open_enum_a_record_and_a_string()
    {
        var request = JsonSerializer.Deserialize<AsanaGetProjectsRequest>("""{"workspace":null,"archived":null,"paginationParameters":null}""")!;

        request.Workspace.ShouldBeNull();
        request.Archived.ShouldBeNull();
        request.PaginationParameters.ShouldBeNull();
        request.AdditionalProperties.ShouldBeNull();
    }

    [Fact]
    public void Set_members_are_written_with_their_wire_names_and_unset_ones_are_left_out()
    {
        var request = new AsanaGetProjectsRequest
        {
            Archived = AsanaGetProjectsArchived.True,
            PaginationParameters = new AsanaGetProjectsPaginationParameters { PageCursor = "c1", Limit = 50 },
        };

        var json = JsonSerializer.Serialize(request);

        json.ShouldBe("""{"archived":"true","paginationParameters":{"pageCursor":"c1","limit":50}}""");
        JsonSerializer.Deserialize<AsanaGetProjectsRequest>(json).ShouldBe(request);
    }
}
