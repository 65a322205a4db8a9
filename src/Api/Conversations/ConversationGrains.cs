using Orleans.Runtime.Messaging;
using Orleans.Storage;
using Switchboard.Grains.Conversations;

namespace Switchboard.Api.Conversations;

/// <summary>
/// The Api's way to a conversation grain. While a silo has just died, calls to the grains it hosted
/// fail for a few seconds, until the cluster notices and activates them elsewhere; so a call that
/// failed before reaching a turn is tried again for a while. Trying again is safe: every command the
/// Api sends is idempotent as built (its ids are chosen before the first try, and the grain drops a
/// repeat), and a turn that fails changes nothing.
/// </summary>
public sealed partial class ConversationGrains(IGrainFactory grains, TimeProvider time, ILogger<ConversationGrains> logger)
{
    /// <summary>Longer than the cluster takes to declare a silo dead and place its grains again.</summary>
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(20);

    public Task<ConversationReply> ExecuteAsync(ConversationKey key, ConversationCommand command, CancellationToken cancellationToken) =>
        ExecuteAsync(key, command, expectedSequence: null, cancellationToken);

    public Task<ConversationReply> ExecuteAsync(ConversationKey key, ConversationCommand command, long? expectedSequence, CancellationToken cancellationToken) =>
        RetryAsync(key, () => Grain(key).Execute(command, expectedSequence, cancellationToken), RetryFor, cancellationToken);

    /// <summary>One try only, for callers that keep the command and try again on their own schedule (webhook ingestion).</summary>
    public Task<ConversationReply> ExecuteOnceAsync(ConversationKey key, ConversationCommand command, CancellationToken cancellationToken) =>
        Grain(key).Execute(command, expectedSequence: null, cancellationToken);

    public Task<ConversationSnapshot> ReadAsync(ConversationKey key, CancellationToken cancellationToken) =>
        RetryAsync(key, () => Grain(key).Read(cancellationToken), RetryFor, cancellationToken);

    private IConversationGrain Grain(ConversationKey key) => grains.GetGrain<IConversationGrain>(key.ToString());

    private async Task<T> RetryAsync<T>(ConversationKey key, Func<Task<T>> call, TimeSpan retryFor, CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + retryFor;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (IsTransient(ex) && time.GetUtcNow() + delay < giveUpAt && !cancellationToken.IsCancellationRequested)
            {
                LogRetrying(logger, key.ToString(), ex.GetType().Name, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    /// <summary>
    /// The cluster could not run the call (a silo gone, the client between gateways), or a stale
    /// activation lost its write to a newer one and was deactivated: the next try finds the grain.
    /// A timeout is not among them: the turn may have run, and the caller is told so (503).
    /// </summary>
    private static bool IsTransient(Exception ex) => ex is OrleansMessageRejectionException or ConnectionFailedException
        or ClientNotAvailableException or GatewayTooBusyException or InconsistentStateException;

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {Key} did not answer ({Error}); trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string key, string error, TimeSpan delay);
}
