using Switchboard.Storage.Conversations;

namespace Switchboard.Grains.Conversations;

// How turns reach storage. Turns are decided one at a time, each on the state the previous one
// left (`current`); a turn waits for its write before it answers or acts. While one write is in
// flight, the turns decided meanwhile queue (`next`) and go together in the following write, in
// the order decided. The grain is reentrant for this, and only for this: deciding is synchronous
// (no await between reading `current` and setting it), so turns never interleave inside a decision.
//
// When a write fails, every turn in it, and every turn decided on top of it, fails too, and the
// state falls back to what was last written. When a write finds a command applied before (its
// idempotency key was consumed), nothing of it was written: its turns are decided again, one at a
// time, on the state last written, so that only the repeat is refused.
public sealed partial class ConversationGrain
{
    private ConversationState committed = ConversationState.Empty;
    private ConversationState current = ConversationState.Empty;
    private List<Turn>? next;
    private bool writing;

    // While turns are decided again after a repeat, new requests wait, so that they are decided after them.
    private Task redeciding = Task.CompletedTask;

    private async Task<Turn> DecideAsync(Request request)
    {
        while (!redeciding.IsCompleted)
        {
            await redeciding;
        }

        var turn = Decide(request, current);
        current = turn.After;
        return turn;
    }

    /// <returns>
    /// The turn as written (itself, or as decided again after a repeat ahead of it); null when it
    /// repeats a command applied before (nothing of it was written).
    /// </returns>
    private Task<Turn?> CommitAsync(Turn turn)
    {
        (next ??= []).Add(turn);
        if (!writing)
        {
            writing = true;
            _ = WriteQueuedAsync();
        }

        return turn.Written.Task;
    }

    private async Task WriteQueuedAsync()
    {
        try
        {
            while (next is { Count: > 0 } batch)
            {
                next = null;
                await WriteAsync(batch);
            }
        }
        finally
        {
            writing = false;
        }
    }

    private async Task WriteAsync(List<Turn> batch)
    {
        var state = batch[^1].After;
        var sequence = committed.Sequence;
        var events = batch.SelectMany(turn => turn.Events).Select(e => new SequencedEvent(e, e is OutboxEvent ? null : ++sequence)).ToList();
        stored.State.State = state;
        stored.State.Turn = new ConversationTurn(
            events,
            [.. batch.Select(turn => turn.IdempotencyKey).OfType<string>()],
            ConversationTimers.NextDueAt(state));
        try
        {
            await stored.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // Not written, or not known to be: fall back to the state last written. If it was
            // written after all, the next write fails its version check and Orleans reactivates
            // the grain from storage.
            FallBack();
            Fail(batch, ex);
            if (next is { } decidedOnTop)
            {
                next = null;
                Fail(decidedOnTop, ex);
            }

            return;
        }

        if (stored.State.Turn is { AlreadyApplied: true })
        {
            FallBack();

            // Alone, the turn is the repeat. Among others, which one is not known: decide them again one by one.
            Unplan(batch.Concat(next ?? []));
            var again = batch.Count == 1 ? [] : batch;
            if (batch.Count == 1)
            {
                batch[0].Written.TrySetResult(null);
            }

            again.AddRange(next ?? []);
            next = null;
            if (again.Count > 0)
            {
                await DecideAgainAsync(again);
            }

            return;
        }

        committed = state;
        inbox.Published(key, events.Where(e => e.Sequence is not null).Select(e => (e.Event, e.Sequence!.Value)));
        foreach (var turn in batch)
        {
            turn.Written.TrySetResult(turn);
        }
    }

    /// <summary>
    /// One of these turns repeats a command applied before: decide each again on the state last
    /// written and write it alone, so the repeat is refused and the others are written as they now
    /// decide. New requests wait meanwhile.
    /// </summary>
    private async Task DecideAgainAsync(List<Turn> turns)
    {
        var done = new TaskCompletionSource();
        redeciding = done.Task;
        try
        {
            foreach (var original in turns)
            {
                var turn = Decide(original.Request, current);
                if (turn.Events.Count == 0)
                {
                    original.Written.TrySetResult(turn);
                    continue;
                }

                current = turn.After;
                await WriteAsync([turn]);

                // WriteAsync has completed the turn's outcome; the original caller gets it as it is.
                original.Written.TrySetFromTask(turn.Written.Task);
            }
        }
        finally
        {
            done.SetResult();
        }
    }

    private void FallBack()
    {
        stored.State.State = committed;
        stored.State.Turn = null;
        current = committed;
    }

    private void Fail(List<Turn> turns, Exception exception)
    {
        Unplan(turns);
        foreach (var turn in turns)
        {
            turn.Written.TrySetException(exception);
        }
    }
}
