using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace ActionKit.Typed.EndToEnd.Tests.Infrastructure;

/// <summary>Reads the emulator's item numbers back out of typed items, through their generated converters.</summary>
public static class Items
{
    public static int Index<T>(T item)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(item));
        return document.RootElement.GetProperty("index").GetInt32();
    }

    public static async Task<List<int>> IndexesAsync<T>(IAsyncEnumerable<T> items)
    {
        var indexes = new List<int>();
        await foreach (var item in items)
        {
            indexes.Add(Index(item));
        }

        return indexes;
    }

    public static List<int> Range(int count) => Enumerable.Range(1, count).ToList();
}
