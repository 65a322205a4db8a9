// The middle column: the chat header, the bot bar, the virtualised timeline and the composer.
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { errorMessage } from "../api/client";
import { conversations } from "../api/resources";
import type { Message } from "../api/types";
import type { Session } from "../app/session";
import { Composer } from "../composer/Composer";
import { displayName, initials, windowCountdown } from "../shared/format";
import { ArrowDown } from "../shared/icons";
import { useObservable } from "../shared/observable";
import { Avatar, Dialog, ErrorNotice, useNow } from "../shared/ui";
import { VirtualList, type VirtualListHandle } from "../shared/VirtualList";
import type { ChatStore } from "./chat-store";
import { authorLabel, MessageBubble } from "./MessageBubble";
import { buildTimeline, estimateRowHeight, type TimelineRow } from "./timeline-rows";

const isMessageRow = (row: TimelineRow) => row.kind === "message";

export function ChatView({ store, session }: { store: ChatStore; session: Session }) {
  useObservable(session.directory.version);
  const messages = useObservable(store.messages);
  const hasMore = useObservable(store.hasMore);
  const loadingOlder = useObservable(store.loadingOlder);
  const loading = useObservable(store.loading);
  const error = useObservable(store.error);
  const conversation = store.conversation;
  const now = useNow(30_000);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [atBottom, setAtBottom] = useState(true);
  const [unseen, setUnseen] = useState(0);
  const [image, setImage] = useState<{ url: string; caption?: string | undefined } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const list = useRef<VirtualListHandle | null>(null);
  const lastCount = useRef(messages.length);
  const newestSequence = useRef(messages.at(-1)?.sequence ?? 0);

  const timeline = useMemo(() => buildTimeline(messages), [messages]);
  const customerName = conversation ? displayName(conversation.contact) : "Customer";

  // Count messages that arrived below while the agent reads further up.
  useEffect(() => {
    const newest = messages.at(-1)?.sequence ?? 0;
    if (!atBottom && newest > newestSequence.current && messages.length > lastCount.current) setUnseen((n) => n + (messages.length - lastCount.current));
    newestSequence.current = newest;
    lastCount.current = messages.length;
  }, [messages, atBottom]);
  useEffect(() => {
    if (atBottom) setUnseen(0);
  }, [atBottom]);

  const jumpTo = useCallback(
    async (target: Message) => {
      const found = await store.ensureLoaded((m) => m.id === target.id);
      if (!found) return;
      // Let the rows render before scrolling to the one we want.
      requestAnimationFrame(() => {
        list.current?.scrollToKey(found.id);
        setHighlighted(found.id);
        window.setTimeout(() => setHighlighted((current) => (current === found.id ? null : current)), 2200);
      });
    },
    [store],
  );

  const renderRow = useCallback(
    (row: TimelineRow) => {
      if (row.kind === "day")
        return (
          <div class="day-separator" role="separator">
            <span>{row.label}</span>
          </div>
        );
      const message = row.message;
      const quoted = message.replyTo ? timeline.byAnyId.get(message.replyTo) : undefined;
      return (
        <MessageBubble
          message={message}
          quote={message.replyTo ? { message: quoted, author: quoted ? (quoted.direction === "inbound" ? customerName : quoted.direction === "outbound" ? "You" : authorLabel(quoted, customerName)) : "Earlier message" } : undefined}
          reactions={timeline.reactions.get(message.id) ?? (message.providerMessageId ? (timeline.reactions.get(message.providerMessageId) ?? []) : [])}
          highlighted={highlighted === message.id}
          customerName={customerName}
          onReply={setReplyTo}
          onJumpToQuote={jumpTo}
          onOpenImage={(url, caption) => setImage({ url, caption })}
        />
      );
    },
    [timeline, highlighted, customerName, jumpTo],
  );

  const rowKey = useCallback((row: TimelineRow) => row.key, []);
  const onNearTop = useCallback(() => void store.loadOlder(), [store]);

  if (!conversation) {
    return (
      <section class="chat chat-empty" aria-label="Chat">
        {error ? <ErrorNotice error={error} /> : <p role="status">Opening the chat…</p>}
      </section>
    );
  }

  const countdown = windowCountdown(conversation.window, now);
  const assignee = conversation.assignee;
  return (
    <section class="chat" aria-label={`Chat with ${customerName}`}>
      <header class="pane-header chat-header">
        <Avatar text={initials(customerName)} size={40} />
        <div class="chat-header-text">
          <h2>{customerName}</h2>
          <span class="chat-header-sub">
            {conversation.contact.phoneNumber}
            {" · "}
            <span class={`window-badge ${countdown.open ? (countdown.closingSoon ? "closing" : "open") : "closed"}`} data-testid="window-countdown">
              {countdown.open ? `Window: ${countdown.text}` : "Window closed"}
            </span>
            {" · "}
            <span class={`status-badge status-${conversation.status}`}>{conversation.status}</span>
            {" · "}
            <span data-testid="chat-assignee">
              {assignee ? `Assigned to ${assignee.id === session.me.id ? "you" : (assignee.name ?? session.agentName(assignee.id))}` : "Unassigned"}
            </span>
          </span>
        </div>
      </header>
      {conversation.bot.active && (
        <div class="bot-bar" role="status">
          <span>🤖 Bot running{conversation.bot.flow ? ` (${conversation.bot.flow})` : ""}</span>
          <button
            type="button"
            class="button-small"
            onClick={() =>
              conversations
                .exitBot(conversation.id)
                .then((c) => session.directory.accept(c))
                .catch((e: unknown) => setActionError(errorMessage(e)))
            }
          >
            Exit bot
          </button>
        </div>
      )}
      <ErrorNotice error={error ?? actionError} onDismiss={() => (setActionError(null), store.error.set(null))} />
      <div class="timeline-wrap">
        {loading && messages.length === 0 ? (
          <p class="timeline-loading" role="status">
            Loading messages…
          </p>
        ) : (
          <VirtualList
            items={timeline.rows}
            itemKey={rowKey}
            estimateHeight={estimateRowHeight}
            renderItem={renderRow}
            onNearTop={onNearTop}
            onAtBottomChange={setAtBottom}
            isAnchorable={isMessageRow}
            handleRef={(handle) => (list.current = handle)}
            class="timeline"
            role="log"
            aria-label="Messages"
            header={
              <div class="timeline-start" aria-live="polite">
                {loadingOlder ? "Loading older messages…" : hasMore ? "" : <span class="encryption-note">This is the start of the conversation.</span>}
              </div>
            }
          />
        )}
        {!atBottom && (
          <button type="button" class="scroll-bottom" aria-label={unseen > 0 ? `${unseen} new messages, scroll to the newest` : "Scroll to the newest message"} onClick={() => list.current?.scrollToBottom()}>
            {unseen > 0 && <span class="unread-badge">{unseen}</span>}
            <ArrowDown />
          </button>
        )}
      </div>
      <Composer
        key={conversation.id}
        conversation={conversation}
        session={session}
        store={store}
        replyTo={replyTo}
        customerName={customerName}
        onCancelReply={() => setReplyTo(null)}
        onSent={() => {
          setReplyTo(null);
          list.current?.scrollToBottom();
        }}
      />
      {image && (
        <Dialog title={image.caption ?? "Image"} onClose={() => setImage(null)} wide>
          <img class="lightbox-image" src={image.url} alt={image.caption ?? "Image"} />
        </Dialog>
      )}
    </section>
  );
}
