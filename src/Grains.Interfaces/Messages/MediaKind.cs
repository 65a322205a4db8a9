
namespace Switchboard.Grains.Messages;

public enum MediaKind
{
    Image,
    Video,
    Audio,
    Document,
    Sticker,
}
