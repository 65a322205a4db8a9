using System.Collections.Concurrent;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.Graph;

namespace Switchboard.Emulator.Media;

/// <summary>Media files by id, in memory. Expired items behave as unknown.</summary>
public sealed class MediaStore(GraphIds ids, TimeProvider time) : IResettable
{
    public static readonly TimeSpan UploadedLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan InboundLifetime = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, MediaItem> _items = new(StringComparer.Ordinal);

    public MediaItem Add(string ownerPhoneNumberId, string wabaId, string mimeType, byte[] content, string? fileName, TimeSpan lifetime)
    {
        var item = new MediaItem(ids.Next(), ownerPhoneNumberId, wabaId, mimeType, content, fileName, time.GetUtcNow(), lifetime);
        _items[item.Id] = item;
        return item;
    }

    public MediaItem? Find(string id) =>
        _items.TryGetValue(id, out var item) && item.ExpiresAt > time.GetUtcNow() ? item : null;

    public bool Delete(string id) => _items.TryRemove(id, out _);

    public void Reset() => _items.Clear();
}
