// One open chat: its timeline (sorted by sequence), older pages on demand, and the live events
// of the watched conversation. Each watched event carries the conversation's next sequence, so a
// jump means we missed something: the store then re-reads the conversation and the newest pages.
import { errorMessage } from "../api/client";
import { conversations } from "../api/resources";
import type { Conversation, Message, MessageStatus } from "../api/types";
import type { ConversationDirectory } from "../inbox/conversation-directory";
import type { InboxConnection, InboxEvents } from "../realtime/inbox-connection";
import { Observable } from "../shared/observable";

type WatchedEvent =
  | { name: "messageCreated"; payload: InboxEvents["messageCreated"] }
  | { name: "messageStatusChanged"; payload: InboxEvents["messageStatusChanged"] }
  | { name: "windowChanged"; payload: InboxEvents["windowChanged"] }
  | { name: "assignmentChanged"; payload: InboxEvents["assignmentChanged"] }
  | { name: "botChanged"; payload: InboxEvents["botChanged"] }
  | { name: "conversationUpdated"; payload: InboxEvents["conversationUpdated"] };

const statusRank: Record<MessageStatus, number> = {
  received: 0,
  held: 0,
  queued: 1,
  sent: 2,
  failed: 2.5,
  delivered: 3,
  read: 4,
  played: 5,
};

/** Statuses only move forward (product §2); a late or replayed status never moves a tick back. */
export function laterStatus(current: MessageStatus, next: MessageStatus): boolean {
  return statusRank[next] >= statusRank[current];
}

export const olderPageSize = 100;
const firstPageSize = 50;

export class ChatStore {
  readonly messages = new Observable<Message[]>([]);
  readonly hasMore = new Observable(false);
  readonly loadingOlder = new Observable(false);
  readonly loading = new Observable(true);
  readonly error = new Observable<string | null>(null);
  /** The last event sequence applied from the watched stream. */
  private lastSequence = 0;
  private ready = false;
  private syncing = false;
  private buffered: WatchedEvent[] = [];
  private disposed = false;
  private readonly unsubscribe: (() => void)[] = [];
  private readTimer = 0;

  constructor(
    readonly conversationId: string,
    private readonly directory: ConversationDirectory,
    private readonly connection: InboxConnection,
  ) {
    const listen = <K extends WatchedEvent["name"]>(name: K) =>
      connection.events.on(name, (payload) => {
        if (payload.conversationId !== conversationId) return;
        // A full snapshot comes from the tenant group, not the watched stream: it carries the
        // conversation's latest sequence but is not one of the watched events, so it must not
        // use up a sequence number (the event with that number may still be on its way).
        if (name === "conversationUpdated" && (payload as InboxEvents["conversationUpdated"]).conversation) {
          directory.accept((payload as InboxEvents["conversationUpdated"]).conversation!);
          return;
        }
        this.receive({ name, payload } as WatchedEvent);
      });
    this.unsubscribe.push(
      listen("messageCreated"),
      listen("messageStatusChanged"),
      listen("windowChanged"),
      listen("assignmentChanged"),
      listen("botChanged"),
      listen("conversationUpdated"),
      connection.events.on("reconnected", () => void this.resync()),
    );
  }

  get conversation(): Conversation | undefined {
    return this.directory.get(this.conversationId);
  }

  async open(): Promise<void> {
    await this.resync();
    this.loading.set(false);
    this.markRead();
  }

  dispose(): void {
    this.disposed = true;
    window.clearTimeout(this.readTimer);
    for (const stop of this.unsubscribe) stop();
    void this.connection.unwatch(this.conversationId);
  }

  /** Watch (again) and re-read the newest messages until they meet what we hold. */
  async resync(): Promise<void> {
    if (this.syncing || this.disposed) return;
    this.syncing = true;
    try {
      const conversation = await this.connection.watch(this.conversationId);
      this.directory.accept(conversation);
      const newestHeld = this.messages.value.at(-1)?.sequence ?? 0;
      let before: number | undefined;
      let fetched: Message[] = [];
      let hasMore = false;
      for (let page = 0; page < 20; page++) {
        const result = await conversations.messages(this.conversationId, before, page === 0 && newestHeld === 0 ? firstPageSize : olderPageSize);
        fetched = [...result.items, ...fetched];
        hasMore = result.hasMore;
        const oldest = result.items[0]?.sequence;
        if (!result.hasMore || oldest === undefined || newestHeld === 0 || oldest <= newestHeld) break;
        before = oldest;
      }
      if (this.disposed) return;
      if (newestHeld === 0) this.hasMore.set(hasMore);
      const newInbound = this.merge(fetched);
      if (newInbound > 0 && newestHeld > 0) this.markRead(); // caught up after a gap or a reconnect
      this.lastSequence = Math.max(this.lastSequence, conversation.sequence);
      this.ready = true;
      this.error.set(null);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.syncing = false;
    }
    // Events that came in meanwhile: those newer than what we read apply in order. We have just
    // re-read, so a hole between them is not chased again (no resync loop if the read lags).
    const pending = this.buffered.sort((a, b) => a.payload.sequence - b.payload.sequence);
    this.buffered = [];
    if (!this.ready) return;
    for (const event of pending) {
      if (event.payload.sequence <= this.lastSequence) continue;
      this.lastSequence = event.payload.sequence;
      this.apply(event);
    }
  }

  async loadOlder(): Promise<void> {
    if (!this.hasMore.value || this.loadingOlder.value || !this.ready) return;
    const oldest = this.messages.value[0]?.sequence;
    if (oldest === undefined) return;
    this.loadingOlder.set(true);
    try {
      const page = await conversations.messages(this.conversationId, oldest, olderPageSize);
      this.merge(page.items);
      this.hasMore.set(page.hasMore);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.loadingOlder.set(false);
    }
  }

  /** Loads older pages until the message is held (for jumping to a quoted message); bounded. */
  async ensureLoaded(predicate: (message: Message) => boolean, maxPages = 20): Promise<Message | undefined> {
    for (let page = 0; page <= maxPages; page++) {
      const found = this.messages.value.find(predicate);
      if (found || !this.hasMore.value) return found;
      await this.loadOlder();
    }
    return undefined;
  }

  /** Tells the Api the agent has seen the chat (the unread badge goes to zero). */
  markRead(): void {
    window.clearTimeout(this.readTimer);
    this.readTimer = window.setTimeout(() => {
      if (this.disposed || document.visibilityState !== "visible") return;
      conversations
        .markRead(this.conversationId)
        .then((conversation) => conversation && this.directory.accept(conversation))
        .catch((error: unknown) => this.error.set(errorMessage(error)));
    }, 150);
  }

  /** A message the agent just added (a note) is shown at once; its event will match by id. */
  addLocal(message: Message): void {
    this.merge([message]);
  }

  private receive(event: WatchedEvent): void {
    if (this.disposed) return;
    if (!this.ready || this.syncing) {
      this.buffered.push(event);
      return;
    }
    const sequence = event.payload.sequence;
    if (sequence <= this.lastSequence) return; // already part of what we read
    if (sequence > this.lastSequence + 1) {
      // A gap: an event went missing (or arrived on another path). Re-read over REST.
      this.buffered.push(event);
      void this.resync();
      return;
    }
    this.lastSequence = sequence;
    this.apply(event);
  }

  private apply(event: WatchedEvent): void {
    const id = this.conversationId;
    switch (event.name) {
      case "messageCreated": {
        this.merge([event.payload.message]);
        if (event.payload.message.direction === "inbound") this.markRead();
        break;
      }
      case "messageStatusChanged": {
        const { messageId, status, error, providerMessageId } = event.payload;
        this.messages.update((list) =>
          list.map((m) =>
            m.id === messageId && laterStatus(m.status, status)
              ? { ...m, status, error: error ?? m.error, providerMessageId: providerMessageId ?? m.providerMessageId }
              : m,
          ),
        );
        this.directory.patch(id, event.payload.sequence, (c) =>
          c.lastMessage?.id === messageId ? { ...c, lastMessage: { ...c.lastMessage, status } } : c,
        );
        break;
      }
      case "windowChanged":
        this.directory.patch(id, event.payload.sequence, (c) => ({ ...c, window: event.payload.window }));
        break;
      case "assignmentChanged":
        this.directory.patch(id, event.payload.sequence, (c) => {
          const { assignee, ...rest } = c;
          return event.payload.assignee ? { ...rest, assignee: event.payload.assignee } : rest;
        });
        break;
      case "botChanged":
        this.directory.patch(id, event.payload.sequence, (c) => ({ ...c, bot: event.payload.bot }));
        break;
      case "conversationUpdated":
        if (event.payload.conversation) this.directory.accept(event.payload.conversation);
        else
          void conversations
            .get(id)
            .then((c) => this.directory.accept(c))
            .catch((error: unknown) => this.error.set(errorMessage(error)));
        break;
    }
  }

  /** Adds or replaces messages by id, keeping the timeline sorted and statuses forward-only. */
  private merge(incoming: Message[]): number {
    if (incoming.length === 0) return 0;
    const byId = new Map(this.messages.value.map((m) => [m.id, m]));
    let newInbound = 0;
    for (const message of incoming) {
      const held = byId.get(message.id);
      if (!held && message.direction === "inbound") newInbound++;
      byId.set(message.id, held && !laterStatus(held.status, message.status) ? { ...message, status: held.status, error: held.error } : message);
    }
    this.messages.set([...byId.values()].sort((a, b) => a.sequence - b.sequence));
    return newInbound;
  }
}
