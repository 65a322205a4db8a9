// The left column: search, views (mine / unassigned / all), label and status filters, and the
// rows, loading more as the agent scrolls down.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ConversationStatus, InboxView } from "../api/types";
import type { Session } from "../app/session";
import { useObservable } from "../shared/observable";
import { Plus, Search } from "../shared/icons";
import { ErrorNotice, useNow } from "../shared/ui";
import type { ChatListStore } from "./chat-list-store";
import { ChatListRow } from "./ChatListRow";

const views: { id: InboxView; label: string }[] = [
  { id: "mine", label: "Mine" },
  { id: "unassigned", label: "Unassigned" },
  { id: "all", label: "All" },
];

const statuses: { id: ConversationStatus | ""; label: string }[] = [
  { id: "", label: "Any status" },
  { id: "open", label: "Open" },
  { id: "pending", label: "Pending" },
  { id: "resolved", label: "Resolved" },
  { id: "snoozed", label: "Snoozed" },
];

export function ChatList(props: { store: ChatListStore; session: Session; selectedId: string | undefined; onOpen: (id: string) => void; onNewConversation: () => void }) {
  const { store, session } = props;
  const filter = useObservable(store.filter);
  const state = useObservable(store.state);
  useObservable(session.directory.version);
  const labels = useObservable(session.labels.items);
  const now = useNow(30_000);
  const [search, setSearch] = useState(filter.q);
  const sentinel = useRef<HTMLLIElement>(null);

  // Search as the agent types, a moment after the last key.
  useEffect(() => {
    if (search === filter.q) return;
    const timer = window.setTimeout(() => store.setFilter({ q: search }), 300);
    return () => window.clearTimeout(timer);
  }, [search, filter.q, store]);

  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void store.loadMore();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [store, state.nextCursor]);

  return (
    <section class="chat-list" aria-label="Chats">
      <header class="pane-header chat-list-header">
        <h2>Chats</h2>
        <button type="button" class="icon-button" aria-label="New conversation" title="New conversation" onClick={props.onNewConversation}>
          <Plus />
        </button>
      </header>
      <div class="chat-list-search">
        <label class="search-box">
          <Search />
          <span class="visually-hidden">Search chats</span>
          <input type="search" placeholder="Search name, number or message" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
      </div>
      <div class="chat-list-views" role="tablist" aria-label="Views">
        {views.map((view) => (
          <button
            key={view.id}
            type="button"
            role="tab"
            aria-selected={filter.view === view.id}
            class={`pill ${filter.view === view.id ? "pill-active" : ""}`}
            onClick={() => store.setFilter({ view: view.id })}
          >
            {view.label}
          </button>
        ))}
      </div>
      <div class="chat-list-filters">
        <label>
          <span class="visually-hidden">Filter by status</span>
          <select aria-label="Filter by status" value={filter.status} onChange={(e) => store.setFilter({ status: e.currentTarget.value as ConversationStatus | "" })}>
            {statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="visually-hidden">Filter by label</span>
          <select aria-label="Filter by label" value={filter.label} onChange={(e) => store.setFilter({ label: e.currentTarget.value })}>
            <option value="">Any label</option>
            {labels.map((label) => (
              <option key={label.id} value={label.name}>
                {label.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNotice error={state.error} />
      <ul class="chat-list-rows" role="list" aria-label="Conversations" aria-busy={state.loading}>
        {state.ids.map((id) => {
          const conversation = session.directory.get(id);
          return conversation ? (
            <ChatListRow
              key={id}
              conversation={conversation}
              session={session}
              selected={id === props.selectedId}
              now={now}
              onOpen={() => props.onOpen(id)}
            />
          ) : null;
        })}
        {state.nextCursor && (
          <li ref={sentinel} class="chat-list-more" aria-hidden="true">
            Loading more…
          </li>
        )}
        {!state.loading && state.ids.length === 0 && !state.error && <li class="chat-list-empty">No conversations here.</li>}
      </ul>
    </section>
  );
}
