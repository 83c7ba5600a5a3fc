using System.Text.Json;
using ActionKit.Typed.EndToEnd.Tests.ActionKit;
using ActionKit.Typed.EndToEnd.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.EndToEnd.Tests.Serialization;

/// <summary>How generated readers match wire property names to members: exactly, whatever the encoding of the name.</summary>
public sealed class PropertyNameTests
{
    private static AsanaGetProjectsProject Read(string json) => JsonSerializer.Deserialize<AsanaGetProjectsProject>(json)!;

    [Fact]
    public void Escaped_names_match_their_members()
    {
        var project = Read("""{"g\u0069d":"1","\u006E\u0061\u006D\u0065":"P","resource\u005ftype":"project"}""");

        project.Gid.ShouldBe("1");
        project.Name.ShouldBe("P");
        project.ResourceType.ShouldBe("project");
        project.AdditionalProperties.ShouldBeNull();
    }

    [Fact]
    public void Names_that_differ_in_case_or_length_are_undeclared()
    {
        var project = Read("""{"GID":"1","gi":"2","gidd":"3","":"4","permalink_url_and_more":"5","gid":"6"}""");

        project.Gid.ShouldBe("6");
        project.AdditionalProperties.ShouldNotBeNull().Keys.ShouldBe(["GID", "gi", "gidd", "", "permalink_url_and_more"], ignoreOrder: true);
    }

    [Fact]
    public void A_name_split_across_segments_matches_its_member()
    {
        const string json = """{"gid":"1","permalink_url":"https://example.test/p/1","x":true}""";
        for (var split = 1; split < json.Length; split++)
        {
            var reader = new Utf8JsonReader(SplitJson.At(json, split));
            reader.Read();

            var project = AsanaGetProjectsProject.__Json.ReadValue(ref reader);

            project.ShouldBe(Read(json), $"split at {split}");
            project.PermalinkUrl.ShouldBe("https://example.test/p/1");
        }
    }
}
