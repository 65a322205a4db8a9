using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.History;

namespace Switchboard.Emulator.Messages;

/// <summary>
/// Every message in either direction by wamid, so mark-as-read, reactions and reply contexts can tell
/// incoming from outgoing and known from unknown (spec §7.1). Forgets the oldest past a capacity.
/// </summary>
public sealed class MessageLedger(IOptions<HistoryOptions> options) : IResettable
{
    private readonly ConcurrentDictionary<string, IConversationMessage> _byWamid = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _insertionOrder = new();

    public void Add(IConversationMessage message)
    {
        if (!_byWamid.TryAdd(message.Wamid, message))
        {
            return;
        }
        _insertionOrder.Enqueue(message.Wamid);
        while (_byWamid.Count > options.Value.MaxMessages && _insertionOrder.TryDequeue(out var oldest))
        {
            _byWamid.TryRemove(oldest, out _);
        }
    }

    public IConversationMessage? Find(string wamid) => _byWamid.GetValueOrDefault(wamid);

    public void Reset()
    {
        _byWamid.Clear();
        _insertionOrder.Clear();
    }
}
