using System.Collections.ObjectModel;

namespace Tandem.Web.Tests.Operations;

/// <summary>A list the exporters may add to from any thread while a test reads snapshots of it.</summary>
public sealed class LockedList<T> : Collection<T>
{
    private readonly Lock gate = new();

    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
        {
            return [.. this];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (gate)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (gate)
        {
            base.ClearItems();
        }
    }
}
