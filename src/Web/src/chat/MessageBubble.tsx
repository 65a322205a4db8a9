// One timeline item: a customer bubble (left, white), an agent bubble (right, green, with ticks),
// a system line (centred, dark blue, never shown to the customer) or an internal note (yellow).
import type { Message } from "../api/types";
import { clockTime, fullDateTime } from "../shared/format";
import { Reply } from "../shared/icons";
import { MessageBody } from "./MessageBody";
import { StatusTicks } from "./StatusTicks";

export interface Quote {
  /** The quoted message when it is loaded; undefined when it is further back in the history. */
  message: Message | undefined;
  author: string;
}

export interface MessageBubbleProps {
  message: Message;
  quote: Quote | undefined;
  reactions: string[];
  highlighted: boolean;
  customerName: string;
  onReply: (message: Message) => void;
  onJumpToQuote: (message: Message) => void;
  onOpenImage: (url: string, caption?: string) => void;
}

export function authorLabel(message: Message, customerName: string): string {
  if (message.direction === "inbound") return customerName;
  if (message.direction === "system") return "System";
  return message.author.name ?? (message.author.kind === "agent" ? "Agent" : message.author.kind.replace(/_/g, " "));
}

export function MessageBubble(props: MessageBubbleProps) {
  const { message: m, quote } = props;
  if (m.direction === "system") {
    return (
      <div class="message-row message-system" data-message-id={m.id}>
        <p class="system-line">
          {m.content.type === "system" ? m.content.body : m.preview}
          <time dateTime={m.createdAt} title={fullDateTime(m.createdAt)}>
            {clockTime(m.createdAt)}
          </time>
        </p>
      </div>
    );
  }

  const isNote = m.direction === "note";
  const side = m.direction === "inbound" ? "inbound" : "outbound";
  const isSticker = m.content.type === "sticker";
  const time = m.providerTimestamp && m.direction === "inbound" ? m.providerTimestamp : m.createdAt;
  return (
    <div
      class={`message-row message-${side} ${isNote ? "message-note" : ""} ${props.highlighted ? "message-highlighted" : ""}`}
      data-message-id={m.id}
      data-status={m.status}
    >
      <div class={`bubble ${isSticker ? "bubble-sticker" : ""}`}>
        {isNote && (
          <span class="note-tag">
            <span aria-hidden="true">🔒 </span>Note · {m.author.name ?? "Agent"}
          </span>
        )}
        {!isNote && m.direction === "outbound" && m.author.kind !== "agent" && <span class="author-tag">{authorLabel(m, props.customerName)}</span>}
        {quote && (
          <button
            type="button"
            class="quote"
            aria-label={`Replying to ${quote.author}: ${quote.message?.preview ?? "an earlier message"}. Go to the original message`}
            onClick={() => quote.message && props.onJumpToQuote(quote.message)}
          >
            <span class="quote-author">{quote.author}</span>
            <span class="quote-text">{quote.message?.preview ?? "Earlier message"}</span>
          </button>
        )}
        <MessageBody content={m.content} onOpenImage={props.onOpenImage} />
        <span class="bubble-meta">
          {m.direction === "outbound" && m.author.kind === "agent" && m.author.name && <span class="bubble-author">{m.author.name}</span>}
          <time dateTime={time} title={fullDateTime(time)}>
            {clockTime(time)}
          </time>
          {m.direction === "outbound" && <StatusTicks status={m.status} error={m.error} />}
        </span>
        {m.status === "held" && <span class="held-text">Held until the customer writes</span>}
        {m.status === "failed" && <span class="failed-text">Not delivered</span>}
        {props.reactions.length > 0 && (
          <span class="reactions" aria-label={`Reactions: ${props.reactions.join(" ")}`}>
            {props.reactions.join("")}
          </span>
        )}
      </div>
      {!isNote && (
        <button type="button" class="reply-action icon-button" aria-label={`Reply to: ${m.preview.slice(0, 60)}`} title="Reply" onClick={() => props.onReply(m)}>
          <Reply />
        </button>
      )}
    </div>
  );
}
