using System;
using System.Collections.Generic;
using System.Text.Json;
using ActionKit.Typed.EndToEnd.Tests.ActionKit;
using ActionKit.Typed.EndToEnd.Tests.Infrastructure;
using ActionKit.Typed.Serialization;
using Shouldly;
using Xunit;

namespace ActionKit.Typed.EndToEnd.Tests.Serialization;

/// <summary>Undeclared wire properties of generated records: kept as received, compared by value, written back.</summary>
public sealed class ExtensionDataTests
{
    private const string Project = """
        {"gid":"1","custom":{"a":[1,2.50,{"b":null}],"c":"x\"y\u00e9"},"name":"P","flag":true,"big":12345678901234567890,"empty":{},"list":[]}
        """;

    private static AsanaGetProjectsProject Read(string json) => JsonSerializer.Deserialize<AsanaGetProjectsProject>(json)!;

    [Fact]
    public void Undeclared_properties_are_read_lazily_into_a_dictionary()
    {
        var project = Read(Project);

        project.Gid.ShouldBe("1");
        project.Name.ShouldBe("P");
        var extra = project.AdditionalProperties.ShouldNotBeNull();
        extra.ShouldBeOfType<JsonExtensionData>();
        extra.Count.ShouldBe(5);
        extra["custom"].GetProperty("c").GetString().ShouldBe("x\"yé");
        extra["custom"].GetProperty("a")[1].GetRawText().ShouldBe("2.50");
        extra["flag"].GetBoolean().ShouldBeTrue();
        extra["big"].GetRawText().ShouldBe("12345678901234567890");
        extra["empty"].EnumerateObject().ShouldBeEmpty();
        extra["list"].GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void A_record_without_undeclared_properties_has_none()
    {
        Read("""{"gid":"1"}""").AdditionalProperties.ShouldBeNull();
    }

    [Fact]
    public void Writing_back_gives_the_same_json_as_a_dictionary_of_elements_would()
    {
        var project = Read(Project);
        var expected = project with
        {
            AdditionalProperties = new Dictionary<string, JsonElement>(Read(Project).AdditionalProperties!),
        };

        var written = JsonSerializer.Serialize(project);

        written.ShouldBe(JsonSerializer.Serialize(expected));
        JsonElement.DeepEquals(JsonDocument.Parse(written).RootElement, JsonDocument.Parse(Project).RootElement).ShouldBeTrue();
        Read(written).ShouldBe(project);
    }

    [Fact]
    public void Records_with_equal_undeclared_properties_are_equal()
    {
        Read(Project).ShouldBe(Read(Project));
        Read(Project).GetHashCode().ShouldBe(Read(Project).GetHashCode());
        Read("""{"gid":"1","x":1,"y":[true]}""").ShouldBe(Read("""{"y":[ true ],"gid":"1","x":1}"""));
        Read("""{"gid":"1","x":1}""").ShouldNotBe(Read("""{"gid":"1","x":2}"""));
        Read("""{"gid":"1","x":1}""").ShouldNotBe(Read("""{"gid":"1","z":1}"""));
        Read("""{"gid":"1","x":1}""").ShouldNotBe(Read("""{"gid":"1","x":1,"z":1}"""));
    }

    [Fact]
    public void The_dictionary_can_be_changed_and_is_written_as_changed()
    {
        var project = Read("""{"gid":"1","x":1,"y":2}""");
        var extra = project.AdditionalProperties!;

        extra.Remove("x").ShouldBeTrue();
        extra["z"] = JsonDocument.Parse("\"new\"").RootElement.Clone();

        var written = JsonDocument.Parse(JsonSerializer.Serialize(project)).RootElement;
        JsonElement.DeepEquals(written, JsonDocument.Parse("""{"gid":"1","y":2,"z":"new"}""").RootElement).ShouldBeTrue();
        project.ShouldNotBe(Read("""{"gid":"1","x":1,"y":2}"""));
        project.ShouldBe(Read("""{"gid":"1","z":"new","y":2}"""));
    }

    [Fact]
    public void Threads_looking_at_the_same_record_at_once_see_the_same_properties()
    {
        for (var round = 0; round < 200; round++)
        {
            var project = Read(Project);
            var counts = new int[4];
            System.Threading.Tasks.Parallel.For(0, counts.Length, i => counts[i] = project.AdditionalProperties!.Count);
            counts.ShouldAllBe(count => count == 5);
            project.AdditionalProperties!.ContainsKey("custom").ShouldBeTrue();
        }
    }

    [Fact]
    public void A_multi_segment_reader_copies_the_same_json()
    {
        var reader = new Utf8JsonReader(SplitJson.At(Project, 20));
        reader.Read();

        AsanaGetProjectsProject.__Json.ReadValue(ref reader).ShouldBe(Read(Project));
    }
}
