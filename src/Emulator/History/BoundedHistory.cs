namespace Switchboard.Emulator.History;

/// <summary>
/// An append-only, thread-safe, in-order record that forgets its oldest entries past a capacity, so that
/// a benchmark running for an hour does not grow the emulator without bound.
/// </summary>
public sealed class BoundedHistory<T>(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _items = new();

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.Enqueue(item);
            while (_items.Count > capacity)
            {
                _items.Dequeue();
            }
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }
}
