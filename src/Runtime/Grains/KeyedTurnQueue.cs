using Switchboard.Grains.Abstractions;

namespace Switchboard.Runtime.Grains;

/// <summary>
/// Runs one turn at a time per grain inside this process. PostgreSQL's row lock is what
/// serialises turns across nodes; this queue only keeps one node from parking many
/// connections on the same lock (which would starve the pool under a hot conversation).
/// </summary>
internal sealed class KeyedTurnQueue
{
    private readonly Dictionary<(string GrainType, GrainKey Key), Gate> gates = [];

    public async Task<T> RunAsync<T>(string grainType, GrainKey key, Func<Task<T>> turn, CancellationToken cancellationToken)
    {
        var id = (grainType, key);
        Gate gate;
        lock (gates)
        {
            if (!gates.TryGetValue(id, out gate!))
            {
                gate = new Gate();
                gates[id] = gate;
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
            try
            {
                return await turn();
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        finally
        {
            lock (gates)
            {
                if (--gate.Users == 0)
                {
                    gates.Remove(id);
                    gate.Semaphore.Dispose();
                }
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
