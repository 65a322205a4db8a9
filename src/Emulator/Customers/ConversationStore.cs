using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.History;

namespace Switchboard.Emulator.Customers;

/// <summary>Conversations by (business number, customer).</summary>
public sealed class ConversationStore(IOptions<HistoryOptions> options, TimeProvider time) : IResettable
{
    private readonly ConcurrentDictionary<(string PhoneNumberId, string WaId), Conversation> _conversations = new();

    public Conversation For(string phoneNumberId, string waId) =>
        _conversations.GetOrAdd((phoneNumberId, waId), key => new Conversation(key.PhoneNumberId, key.WaId, options.Value.MaxConversationEntries, time.GetUtcNow()));

    public Conversation? Find(string phoneNumberId, string waId) => _conversations.GetValueOrDefault((phoneNumberId, waId));

    public IReadOnlyList<Conversation> ForNumber(string phoneNumberId) =>
        [.. _conversations.Values.Where(c => c.PhoneNumberId == phoneNumberId).OrderByDescending(c => c.LastActivity)];

    public void Reset() => _conversations.Clear();
}
