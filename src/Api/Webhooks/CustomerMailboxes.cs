using System.Threading.Channels;

namespace Switchboard.Api.Webhooks;

/// <summary>
/// One mailbox per customer for the webhook pump: a customer's webhooks are handed out one at a
/// time, in arrival order, so between them they hold one worker. A storm of one conversation's
/// statuses (two hundred replies coming back sent, delivered, read) then waits in its own mailbox
/// instead of taking every worker while other customers' messages queue behind it. Work with no
/// customer (template news, a POST about several customers) is handed out at once.
/// </summary>
public sealed class CustomerMailboxes<T>
{
    // A customer's key is here while one of their items is out; the queue holds the ones behind it.
    private readonly Dictionary<string, Queue<T>> outstanding = new(StringComparer.Ordinal);
    private readonly Channel<Delivery> ready = Channel.CreateUnbounded<Delivery>();

    public readonly record struct Delivery(string? Customer, T Item);

    public void Post(string? customer, T item)
    {
        if (customer is not null)
        {
            lock (outstanding)
            {
                if (outstanding.TryGetValue(customer, out var waiting))
                {
                    waiting.Enqueue(item);
                    return;
                }

                outstanding[customer] = new Queue<T>();
            }
        }

        ready.Writer.TryWrite(new Delivery(customer, item));
    }

    /// <summary>Items ready to work on; each must be followed by <see cref="Done"/> once worked.</summary>
    public ChannelReader<Delivery> Ready => ready.Reader;

    /// <summary>The customer's next item, if any, becomes ready (behind the others already ready).</summary>
    public void Done(Delivery delivery)
    {
        if (delivery.Customer is not { } customer)
        {
            return;
        }

        lock (outstanding)
        {
            var waiting = outstanding[customer];
            if (waiting.TryDequeue(out var next))
            {
                ready.Writer.TryWrite(new Delivery(customer, next));
            }
            else
            {
                outstanding.Remove(customer);
            }
        }
    }
}
