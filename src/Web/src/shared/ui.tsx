// Small shared pieces: inline error notices, a ticking clock for countdowns, modal dialogs.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { Close } from "./icons";

/** An Api error or other failure, shown where it happened; never swallowed. */
export function ErrorNotice({ error, onDismiss }: { error: string | null | undefined; onDismiss?: () => void }) {
  if (!error) return null;
  return (
    <div class="error-notice" role="alert">
      <span>{error}</span>
      {onDismiss && (
        <button type="button" class="icon-button" aria-label="Dismiss error" onClick={onDismiss}>
          <Close size={14} />
        </button>
      )}
    </div>
  );
}

/** Re-renders every `ms` so countdowns and relative times stay right. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/** A modal <dialog>: focus moves in, Esc closes, focus returns to where it was. */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement as HTMLElement | null;
    if (element && !element.open) element.showModal();
    return () => opener?.focus?.();
  }, []);
  return (
    <dialog
      ref={dialog}
      class={`dialog ${props.wide ? "dialog-wide" : ""}`}
      aria-label={props.title}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <header class="dialog-header">
        <h2>{props.title}</h2>
        <button type="button" class="icon-button" aria-label="Close" onClick={props.onClose}>
          <Close />
        </button>
      </header>
      <div class="dialog-body">{props.children}</div>
    </dialog>
  );
}

export function Avatar({ text, size = 40 }: { text: string; size?: number }) {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return (
    <span class="avatar" aria-hidden="true" style={{ width: `${size}px`, height: `${size}px`, background: `hsl(${hue} 35% 62%)` }}>
      {text}
    </span>
  );
}

export function LabelChip({ name, color, onRemove }: { name: string; color: string; onRemove?: () => void }) {
  return (
    <span class="label-chip" style={{ "--label-color": color }}>
      <span class="label-dot" aria-hidden="true" />
      {name}
      {onRemove && (
        <button type="button" class="label-remove" aria-label={`Remove label ${name}`} onClick={onRemove}>
          <Close size={12} />
        </button>
      )}
    </span>
  );
}
