using Tandem.Connectors.Contract;

namespace Tandem.Connectors.InMemory.Tests;

/// <summary>Reads a listing or a change feed to its end, the way the engine does.</summary>
internal static class Drain
{
    public static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<T> items)
    {
        var all = new List<T>();
        await foreach (var item in items.WithCancellation(TestContext.Current.CancellationToken))
        {
            all.Add(item);
        }

        return all;
    }

    public static async Task<List<ChangePage>> ChangesAsync(IContactConnector connector, string cursor)
    {
        var pages = new List<ChangePage>();
        while (true)
        {
            var page = await connector.ReadChangesAsync(cursor, TestContext.Current.CancellationToken);
            pages.Add(page);
            cursor = page.NextCursor;
            if (!page.HasMore)
            {
                return pages;
            }
        }
    }
}
