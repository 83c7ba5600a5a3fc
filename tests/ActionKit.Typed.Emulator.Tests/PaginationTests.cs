using System.Net;
using System.Text.Json;

namespace ActionKit.Typed.Emulator.Tests;

public sealed class PaginationTests : EmulatorTest
{
    private const string Tools = """
        {
          "actions": {
            "asana": [
              { "type": "function", "function": { "name": "ASANA_GET_TASKS", "description": "Tasks", "parameters": { "type": "object", "properties": { "project": { "type": "string" }, "paginationParameters": { "type": "object", "properties": { "offset": { "type": "number" }, "limit": { "type": "number" } } } }, "required": ["project"] } } },
              { "type": "function", "function": { "name": "ASANA_SEARCH_TASKS", "description": "Search", "parameters": { "type": "object", "properties": { "paginationParameters": { "type": "object", "properties": { "page": { "type": "number" } } } }, "required": [] } } },
              { "type": "function", "function": { "name": "ASANA_GET_PROJECTS", "description": "Projects", "parameters": { "type": "object", "properties": { "paginationParameters": { "type": "object", "properties": { "pageCursor": { "type": "string" }, "limit": { "type": "number" } } } }, "required": [] } } }
            ]
          },
          "errors": []
        }
        """;

    private const string Annotations = """
        {
          "actions": {
            "ASANA_GET_TASKS": {
              "result": { "type": "object", "properties": { "data": { "type": "array", "items": { "$ref": "#/definitions/task" } } }, "definitions": { "task": { "type": "object", "properties": { "gid": { "type": "string" } } } } },
              "pagination": { "style": "offset", "position": "offset", "limit": "limit", "items": "/data" }
            },
            "ASANA_SEARCH_TASKS": {
              "result": { "type": "object", "properties": { "matches": { "type": "array", "items": { "type": "object", "properties": { "gid": { "type": "string" } } } } } },
              "pagination": { "style": "pageNumber", "position": "page", "items": "/matches" }
            },
            "ASANA_GET_PROJECTS": {
              "result": {
                "type": "object",
                "properties": {
                  "data": { "type": "array", "items": { "type": "object", "properties": { "gid": { "type": "string" } } } },
                  "meta": { "type": "object", "properties": { "next": { "type": ["string", "null"] } } }
                }
              },
              "pagination": { "style": "cursor", "position": "pageCursor", "limit": "limit", "items": "/data", "nextCursor": "/meta/next" }
            }
          }
        }
        """;

    public override async ValueTask InitializeAsync() => await StartAsync(Options());

    [Fact]
    public async Task Cursor_pages_walk_the_whole_list_once_and_end_with_null()
    {
        var (ids, cursors) = await WalkCursorAsync("ASANA_GET_PROJECTS", """{}""");

        ids.Count.ShouldBe(5);
        ids.Distinct().Count().ShouldBe(5);
        cursors.Count.ShouldBe(3);
        cursors[^1].ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData(EmulatorEndOfList.Null, JsonValueKind.Null)]
    [InlineData(EmulatorEndOfList.False, JsonValueKind.False)]
    [InlineData(EmulatorEndOfList.EmptyString, JsonValueKind.String)]
    [InlineData(EmulatorEndOfList.Absent, JsonValueKind.Undefined)]
    public async Task End_of_list_sentinel_is_configurable(EmulatorEndOfList endOfList, JsonValueKind expected)
    {
        Emulator.SetPagination("ASANA_GET_PROJECTS", totalItems: 3, pageSize: 2, endOfList);

        var (ids, cursors) = await WalkCursorAsync("ASANA_GET_PROJECTS", """{}""");

        ids.Count.ShouldBe(3);
        cursors[^1].ValueKind.ShouldBe(expected);
        if (expected == JsonValueKind.String)
        {
            cursors[^1].GetString().ShouldBe(string.Empty);
        }
    }

    [Fact]
    public async Task Limit_sets_the_page_size()
    {
        Emulator.SetPagination("ASANA_GET_PROJECTS", totalItems: 7);

        var (ids, cursors) = await WalkCursorAsync("ASANA_GET_PROJECTS", """{}""", limit: 3);

        ids.Count.ShouldBe(7);
        cursors.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Pages_do_not_depend_on_the_page_position_for_their_data_set()
    {
        using var first = await RunAsync("ASANA_GET_PROJECTS", """{"paginationParameters": {"limit": 4}}""");
        using var second = await RunAsync("ASANA_GET_PROJECTS", """{"paginationParameters": {"limit": 2}}""");

        var a = (await ReadJsonAsync(first)).GetProperty("data").EnumerateArray().Select(Gid).ToArray();
        var b = (await ReadJsonAsync(second)).GetProperty("data").EnumerateArray().Select(Gid).ToArray();
        a.Take(2).ShouldBe(b);
    }

    [Fact]
    public async Task Unknown_cursor_is_a_validation_error()
    {
        using var response = await RunAsync("ASANA_GET_PROJECTS", """{"paginationParameters": {"pageCursor": "abc"}}""");

        (await ReadErrorAsync(response, 400, EmulatorErrorCodes.ValidationFailed)).ShouldContain("abc");
    }

    [Fact]
    public async Task Offset_pages_end_with_an_empty_page()
    {
        var ids = new List<string>();
        for (var offset = 0; ; offset += 2)
        {
            using var response = await RunAsync("ASANA_GET_TASKS", $$$"""{"project": "p1", "paginationParameters": {"offset": {{{offset}}}, "limit": 2}}""");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = (await ReadJsonAsync(response)).GetProperty("data");
            if (page.GetArrayLength() == 0)
            {
                break;
            }

            ids.AddRange(page.EnumerateArray().Select(Gid));
            offset.ShouldBeLessThan(20);
        }

        ids.Count.ShouldBe(5);
        ids.Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public async Task Offset_as_a_numeric_string_is_accepted()
    {
        using var response = await RunAsync("ASANA_GET_TASKS", """{"project": "p1", "paginationParameters": {"offset": "4"}}""");

        (await ReadJsonAsync(response)).GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Page_numbers_start_at_one_and_end_with_an_empty_page()
    {
        var sizes = new List<int>();
        for (var page = 1; page <= 4; page++)
        {
            using var response = await RunAsync("ASANA_SEARCH_TASKS", $$$"""{"paginationParameters": {"page": {{{page}}}}}""");
            sizes.Add((await ReadJsonAsync(response)).GetProperty("matches").GetArrayLength());
        }

        sizes.ShouldBe([2, 2, 1, 0]);
    }

    [Fact]
    public async Task Other_parameters_choose_another_data_set()
    {
        using var p1 = await RunAsync("ASANA_GET_TASKS", """{"project": "p1"}""");
        using var p2 = await RunAsync("ASANA_GET_TASKS", """{"project": "p2"}""");

        var a = (await ReadJsonAsync(p1)).GetProperty("data").EnumerateArray().Select(Gid).ToArray();
        var b = (await ReadJsonAsync(p2)).GetProperty("data").EnumerateArray().Select(Gid).ToArray();
        a.ShouldNotBe(b);
    }

    [Fact]
    public async Task Empty_data_set_has_an_empty_first_page()
    {
        Emulator.SetPagination("ASANA_GET_PROJECTS", totalItems: 0);

        var (ids, cursors) = await WalkCursorAsync("ASANA_GET_PROJECTS", """{}""");

        ids.ShouldBeEmpty();
        cursors.Single().ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private static ActionKitEmulatorOptions Options()
    {
        var options = TestCatalog.Options();
        options.SchemaDocuments.Add(Tools);
        options.AnnotationDocuments.Add(Annotations);
        return options;
    }

    private async Task<(List<string> Ids, List<JsonElement> Cursors)> WalkCursorAsync(string action, string baseParameters, int? limit = null)
    {
        var ids = new List<string>();
        var cursors = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var paging = new Dictionary<string, object>();
            if (cursor is not null)
            {
                paging["pageCursor"] = cursor;
            }

            if (limit is not null)
            {
                paging["limit"] = limit.Value;
            }

            var parameters = JsonSerializer.Serialize(paging);
            using var response = await RunAsync(action, baseParameters.TrimEnd('}') + (baseParameters.Trim() == "{}" ? string.Empty : ", ") + $"\"paginationParameters\": {parameters}}}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await ReadJsonAsync(response);
            ids.AddRange(body.GetProperty("data").EnumerateArray().Select(Gid));
            var next = body.TryGetProperty("meta", out var meta) && meta.TryGetProperty("next", out var n) ? n : default;
            cursors.Add(next);
            cursor = next.ValueKind == JsonValueKind.String && next.GetString()!.Length > 0 ? next.GetString() : null;
            cursors.Count.ShouldBeLessThan(20);
        }
        while (cursor is not null);

        return (ids, cursors);
    }

    private static string Gid(JsonElement item) => item.GetProperty("gid").GetString()!;
}
