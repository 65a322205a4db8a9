// A small emoji palette: click to insert at the cursor; Esc or a click outside closes it.
import { useEffect, useRef } from "preact/hooks";

const groups: { name: string; emojis: string }[] = [
  { name: "Smileys", emojis: "😀😃😄😁😆😅😂🤣😊😇🙂😉😍🥰😘😋😜🤔🤗🤩😎🥳😏😌😴🤒😢😭😤😡🤯😳🥺🙄😬🤝" },
  { name: "Gestures", emojis: "👍👎👌✌️🤞👏🙌🙏💪👋🤙👀" },
  { name: "Hearts", emojis: "❤️🧡💛💚💙💜🖤🤍💯✨🔥🎉" },
  { name: "Objects", emojis: "📦🚚🛒💳💰🧾📅⏰📞📧📍🏠🎁☕🍕✅❌⚠️❓" },
];

export function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.querySelector<HTMLButtonElement>("button")?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        onClose();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (panel.current && !panel.current.contains(event.target as Node) && !(event.target as HTMLElement).closest?.(".emoji-toggle")) onClose();
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [onClose]);
  return (
    <div class="emoji-picker" ref={panel} role="dialog" aria-label="Emoji">
      {groups.map((group) => (
        <div key={group.name} role="group" aria-label={group.name}>
          <h3>{group.name}</h3>
          <div class="emoji-grid">
            {[...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(group.emojis)].map(({ segment }) => (
              <button key={segment} type="button" class="emoji" aria-label={`Insert ${segment}`} onClick={() => onPick(segment)}>
                {segment}
              </button>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
