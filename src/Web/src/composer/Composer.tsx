// The bottom of the chat: text with emoji, attachments (checked before upload), replies, and
// canned responses by "/shortcut". When the 24-hour window is closed it becomes the template
// picker, with the option to hold a message until the customer writes again.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, errorMessage } from "../api/client";
import { conversations, media, type OutgoingMessage } from "../api/resources";
import type { CannedResponse, Conversation, MediaContentType, Message } from "../api/types";
import type { Session } from "../app/session";
import type { ChatStore } from "../chat/chat-store";
import { fileSize, windowCountdown } from "../shared/format";
import { Attach, Close, DocumentIcon, Send, Smiley } from "../shared/icons";
import { useObservable } from "../shared/observable";
import { ErrorNotice, useNow } from "../shared/ui";
import { EmojiPicker } from "./EmojiPicker";
import { checkMedia } from "./media-rules";
import { TemplateForm } from "./TemplateForm";

interface Attachment {
  file: File;
  kind: MediaContentType;
  previewUrl: string | undefined;
}

export interface ComposerProps {
  conversation: Conversation;
  session: Session;
  store: ChatStore;
  replyTo: Message | null;
  customerName: string;
  onCancelReply: () => void;
  onSent: () => void;
}

/** Text put into the composer from elsewhere (the panel's FAQ). */
export const composerFill = { listeners: new Set<(text: string) => void>() };
export function fillComposer(text: string): void {
  for (const listener of composerFill.listeners) listener(text);
}

export function Composer(props: ComposerProps) {
  const now = useNow(15_000);
  const windowOpen = windowCountdown(props.conversation.window, now).open;
  return windowOpen ? <OpenWindowComposer {...props} /> : <ClosedWindowComposer {...props} />;
}

function ReplyPreview({ message, customerName, onCancel }: { message: Message; customerName: string; onCancel: () => void }) {
  return (
    <div class="reply-preview" role="status">
      <span class="quote">
        <span class="quote-author">Replying to {message.direction === "inbound" ? customerName : "you"}</span>
        <span class="quote-text">{message.preview}</span>
      </span>
      <button type="button" class="icon-button" aria-label="Cancel reply" onClick={onCancel}>
        <Close />
      </button>
    </div>
  );
}

function OpenWindowComposer(props: ComposerProps) {
  const { conversation, session, replyTo } = props;
  const canned = useObservable(session.cannedResponses.items);
  const [text, setText] = useState("");
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [windowClosedRefusal, setWindowClosedRefusal] = useState(false);
  const [activeSuggestion, setActiveSuggestion] = useState(0);
  const [suggestionsDismissed, setSuggestionsDismissed] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const listener = (fill: string) => {
      setText(fill);
      input.current?.focus();
    };
    composerFill.listeners.add(listener);
    return () => void composerFill.listeners.delete(listener);
  }, []);

  useEffect(() => {
    if (replyTo) input.current?.focus();
  }, [replyTo]);

  useEffect(() => () => attachment?.previewUrl && URL.revokeObjectURL(attachment.previewUrl), [attachment]);

  // Grow with the text, up to a limit.
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${Math.min(element.scrollHeight, 160)}px`;
  }, [text]);

  const shortcut = /^\/([\w-]*)$/.exec(text)?.[1];
  const suggestions: CannedResponse[] = useMemo(
    () => (shortcut === undefined || suggestionsDismissed ? [] : canned.filter((c) => c.shortCode.toLowerCase().startsWith(shortcut.toLowerCase())).slice(0, 8)),
    [shortcut, canned, suggestionsDismissed],
  );

  function chooseSuggestion(response: CannedResponse) {
    setText(response.content);
    setSuggestionsDismissed(false);
    input.current?.focus();
  }

  function pickFile(file: File | undefined) {
    if (!file) return;
    const check = checkMedia(file);
    if (!check.ok) {
      setError(check.reason);
      setAttachment(null);
      return;
    }
    setError(null);
    setAttachment({ file, kind: check.kind, previewUrl: check.kind === "image" || check.kind === "sticker" ? URL.createObjectURL(file) : undefined });
    input.current?.focus();
  }

  async function send(options: { hold?: boolean } = {}) {
    const body = text.trim();
    if (busy || (!body && !attachment)) return;
    setBusy(true);
    setError(null);
    setWindowClosedRefusal(false);
    try {
      const extras = { ...(replyTo ? { replyTo: replyTo.id } : {}), ...(options.hold ? { holdIfWindowClosed: true } : {}) };
      let message: OutgoingMessage;
      if (attachment) {
        const uploaded = await media.upload(attachment.file, attachment.kind);
        const canCaption = attachment.kind !== "audio" && attachment.kind !== "sticker";
        message = {
          type: attachment.kind,
          mediaId: uploaded.id,
          ...(canCaption && body ? { caption: body } : {}),
          ...(attachment.kind === "document" ? { filename: attachment.file.name } : {}),
          ...extras,
        };
      } else {
        message = { type: "text", text: body, previewUrl: /https?:\/\//.test(body), ...extras };
      }
      await conversations.send(conversation.id, message);
      setText("");
      setAttachment(null);
      props.onSent();
    } catch (e) {
      setError(errorMessage(e));
      setWindowClosedRefusal(e instanceof ApiError && e.type === "window_closed");
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (suggestions.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActiveSuggestion((i) => (i + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
        event.preventDefault();
        const chosen = suggestions[Math.min(activeSuggestion, suggestions.length - 1)];
        if (chosen) chooseSuggestion(chosen);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setSuggestionsDismissed(true);
        return;
      }
    }
    if (event.key === "Escape" && replyTo) {
      props.onCancelReply();
      return;
    }
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  const suggestionId = (i: number) => `canned-${conversation.id}-${i}`;
  return (
    <div class="composer">
      {replyTo && <ReplyPreview message={replyTo} customerName={props.customerName} onCancel={props.onCancelReply} />}
      {attachment && (
        <div class="attachment-preview" role="status">
          {attachment.previewUrl ? <img src={attachment.previewUrl} alt="" /> : <DocumentIcon />}
          <span class="attachment-text">
            <strong>{attachment.file.name}</strong>
            <span>
              {attachment.kind} · {fileSize(attachment.file.size)}
              {attachment.kind === "audio" || attachment.kind === "sticker" ? "" : " · type a caption below"}
            </span>
          </span>
          <button type="button" class="icon-button" aria-label="Remove attachment" onClick={() => setAttachment(null)}>
            <Close />
          </button>
        </div>
      )}
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      {windowClosedRefusal && (
        <div class="inline-actions">
          <button type="button" class="button-small" onClick={() => void send({ hold: true })}>
            Hold this message until the customer writes again
          </button>
        </div>
      )}
      {suggestions.length > 0 && (
        <ul class="canned-suggestions" role="listbox" id={`canned-${conversation.id}`} aria-label="Canned responses">
          {suggestions.map((response, i) => (
            <li
              key={response.id}
              id={suggestionId(i)}
              role="option"
              aria-selected={i === activeSuggestion}
              class={i === activeSuggestion ? "active" : ""}
              onMouseDown={(e) => {
                e.preventDefault();
                chooseSuggestion(response);
              }}
            >
              <strong>/{response.shortCode}</strong>
              <span>{response.content}</span>
            </li>
          ))}
        </ul>
      )}
      {emojiOpen && (
        <EmojiPicker
          onPick={(emoji) => {
            const element = input.current;
            const start = element?.selectionStart ?? text.length;
            const end = element?.selectionEnd ?? text.length;
            setText(text.slice(0, start) + emoji + text.slice(end));
            requestAnimationFrame(() => {
              element?.focus();
              element?.setSelectionRange(start + emoji.length, start + emoji.length);
            });
          }}
          onClose={() => {
            setEmojiOpen(false);
            input.current?.focus();
          }}
        />
      )}
      <div class="composer-bar">
        <button
          type="button"
          class="icon-button emoji-toggle"
          aria-label="Emoji"
          aria-expanded={emojiOpen}
          title="Emoji"
          onClick={() => setEmojiOpen(!emojiOpen)}
        >
          <Smiley size={24} />
        </button>
        <button type="button" class="icon-button" aria-label="Attach a file" title="Attach a file" onClick={() => fileInput.current?.click()}>
          <Attach size={24} />
        </button>
        <input
          ref={fileInput}
          type="file"
          class="visually-hidden"
          aria-label="File to attach"
          tabIndex={-1}
          onChange={(e) => {
            pickFile(e.currentTarget.files?.[0]);
            e.currentTarget.value = "";
          }}
        />
        <label class="composer-input">
          <span class="visually-hidden">Message</span>
          <textarea
            ref={input}
            rows={1}
            value={text}
            placeholder={attachment ? "Add a caption" : "Type a message — / for canned responses"}
            aria-label="Message"
            aria-autocomplete="list"
            aria-controls={suggestions.length > 0 ? `canned-${conversation.id}` : undefined}
            aria-activedescendant={suggestions.length > 0 ? suggestionId(activeSuggestion) : undefined}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setActiveSuggestion(0);
              setSuggestionsDismissed(false);
            }}
            onKeyDown={onKeyDown}
          />
        </label>
        <button type="button" class="icon-button send-button" aria-label="Send" title="Send (Enter)" disabled={busy || (!text.trim() && !attachment)} onClick={() => void send()}>
          <Send size={22} />
        </button>
      </div>
    </div>
  );
}

function ClosedWindowComposer(props: ComposerProps) {
  const { conversation, session } = props;
  const [held, setHeld] = useState("");
  const [holdError, setHoldError] = useState<string | null>(null);
  const [holdDone, setHoldDone] = useState(false);
  const messages = useObservable(props.store.messages);
  const everWrote = Boolean(conversation.window.lastInboundAt) || messages.some((m) => m.direction === "inbound");
  return (
    <div class="composer composer-closed" aria-label="Templates only">
      <p class="window-explainer" role="note">
        <strong>{everWrote ? "The customer last wrote more than 24 hours ago" : "The customer has not written in the last 24 hours"}</strong> — WhatsApp only allows approved
        templates. Choose one below, or hold a message until the customer writes again.
      </p>
      <TemplateForm
        session={session}
        idPrefix={`closed-${conversation.id}`}
        submitLabel="Send template"
        onSubmit={async (template) => {
          await conversations.send(conversation.id, { type: "template", template, ...(props.replyTo ? { replyTo: props.replyTo.id } : {}) });
          props.onSent();
        }}
      />
      <details class="hold-message">
        <summary>Hold this message until the customer writes again</summary>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setHoldError(null);
            setHoldDone(false);
            try {
              await conversations.send(conversation.id, { type: "text", text: held.trim(), holdIfWindowClosed: true });
              setHeld("");
              setHoldDone(true);
              props.onSent();
            } catch (e) {
              setHoldError(errorMessage(e));
            }
          }}
        >
          <label>
            Message to hold
            <textarea rows={2} value={held} onInput={(e) => setHeld(e.currentTarget.value)} />
          </label>
          <ErrorNotice error={holdError} onDismiss={() => setHoldError(null)} />
          {holdDone && (
            <p class="success-text" role="status">
              Held — it goes out when the customer writes again.
            </p>
          )}
          <button type="submit" class="button-secondary" disabled={!held.trim()}>
            Hold message
          </button>
        </form>
      </details>
    </div>
  );
}
