// The chat list: one filtered, paged view of the tenant's conversations, kept live by the
// tenant group's conversationUpdated snapshots.
import { errorMessage } from "../api/client";
import { conversations, type ConversationFilter } from "../api/resources";
import type { Conversation, ConversationStatus, InboxView } from "../api/types";
import type { ConversationDirectory } from "../inbox/conversation-directory";
import type { InboxConnection } from "../realtime/inbox-connection";
import { Observable } from "../shared/observable";

export interface ChatListFilter {
  view: InboxView;
  status: ConversationStatus | "";
  label: string;
  q: string;
}

export interface ChatListState {
  ids: string[];
  nextCursor: string | undefined;
  loading: boolean;
  error: string | null;
}

export class ChatListStore {
  readonly filter = new Observable<ChatListFilter>({ view: "all", status: "", label: "", q: "" });
  readonly state = new Observable<ChatListState>({ ids: [], nextCursor: undefined, loading: false, error: null });
  private abort: AbortController | null = null;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly directory: ConversationDirectory,
    connection: InboxConnection,
    private readonly myAgentId: string,
  ) {
    this.unsubscribe.push(
      connection.events.on("conversationUpdated", (event) => {
        if (event.conversation) this.receive(event.conversation);
      }),
      connection.events.on("reconnected", () => void this.reload()),
    );
  }

  dispose(): void {
    this.abort?.abort();
    for (const stop of this.unsubscribe) stop();
  }

  setFilter(change: Partial<ChatListFilter>): void {
    this.filter.set({ ...this.filter.value, ...change });
    void this.reload();
  }

  async reload(): Promise<void> {
    await this.fetchPage(undefined);
  }

  async loadMore(): Promise<void> {
    const { nextCursor, loading } = this.state.value;
    if (!nextCursor || loading) return;
    await this.fetchPage(nextCursor);
  }

  private async fetchPage(cursor: string | undefined): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.state.set({ ...this.state.value, loading: true, error: null });
    const f = this.filter.value;
    const filter: ConversationFilter = { view: f.view, status: f.status || undefined, label: f.label || undefined, q: f.q.trim() || undefined, cursor };
    try {
      const page = await conversations.list(filter, abort.signal);
      for (const conversation of page.items) this.directory.accept(conversation);
      const ids = cursor ? [...this.state.value.ids, ...page.items.map((c) => c.id).filter((id) => !this.state.value.ids.includes(id))] : page.items.map((c) => c.id);
      this.state.set({ ids: this.sorted(ids), nextCursor: page.nextCursor, loading: false, error: null });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.state.set({ ...this.state.value, loading: false, error: errorMessage(error) });
    }
  }

  /** A live snapshot: keep the newest, then add, move or drop its row as the filter says. */
  private receive(snapshot: Conversation): void {
    this.directory.accept(snapshot);
    const latest = this.directory.get(snapshot.id) ?? snapshot;
    const { ids } = this.state.value;
    const listed = ids.includes(latest.id);
    const matches = this.matches(latest);
    if (matches === "unknown") {
      if (listed) this.state.set({ ...this.state.value, ids: this.sorted(ids) });
      return;
    }
    if (matches && !listed) this.state.set({ ...this.state.value, ids: this.sorted([...ids, latest.id]) });
    else if (!matches && listed) this.state.set({ ...this.state.value, ids: ids.filter((id) => id !== latest.id) });
    else if (listed) this.state.set({ ...this.state.value, ids: this.sorted(ids) });
  }

  /** Whether a conversation belongs in the current view; a text search only the server can answer. */
  private matches(conversation: Conversation): boolean | "unknown" {
    const f = this.filter.value;
    if (f.view === "mine" && conversation.assignee?.id !== this.myAgentId && !conversation.participants.includes(this.myAgentId)) return false;
    if (f.view === "unassigned" && conversation.assignee) return false;
    if (f.status && conversation.status !== f.status) return false;
    if (f.label && !conversation.labels.some((l) => l.toLowerCase() === f.label.toLowerCase())) return false;
    if (f.q.trim()) return "unknown";
    return true;
  }

  /** Newest activity first, as the server orders (last message time, then id). */
  private sorted(ids: string[]): string[] {
    const at = (id: string) => Date.parse(this.directory.get(id)?.lastMessage?.at ?? "") || 0;
    return [...ids].sort((a, b) => {
      const byTime = at(b) - at(a);
      return byTime !== 0 ? byTime : b.localeCompare(a);
    });
  }
}
