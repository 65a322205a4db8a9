import type { Route } from "./router";
import { navigate } from "./router";
import { sessionState, type Session } from "./session";
import { useObservable } from "../shared/observable";

const connectionText = {
  connecting: "Connecting…",
  connected: "Live",
  reconnecting: "Reconnecting…",
  disconnected: "Offline — retrying",
};

export function TopBar({ session, route }: { session: Session; route: Route }) {
  const state = useObservable(session.connection.state);
  const link = (path: string) => (event: MouseEvent) => {
    event.preventDefault();
    navigate(path);
  };
  return (
    <header class="top-bar">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true" />
        <span class="brand-name">Switchboard</span>
        <span class="tenant-name">{session.me.tenantName}</span>
      </div>
      <nav aria-label="Main">
        <a href="/chats" onClick={link("/chats")} aria-current={route.page === "inbox" ? "page" : undefined}>
          Inbox
        </a>
        {session.isAdmin && (
          <a href="/admin/numbers" onClick={link("/admin/numbers")} aria-current={route.page === "admin" ? "page" : undefined}>
            Admin
          </a>
        )}
      </nav>
      <div class="top-bar-end">
        <span class={`connection connection-${state}`} role="status" aria-live="polite">
          <span class="connection-dot" aria-hidden="true" />
          {connectionText[state]}
        </span>
        <span class="me" title={session.me.email}>
          {session.me.name} · {session.me.role}
        </span>
        <button
          type="button"
          class="button-quiet"
          onClick={async () => {
            await session.signOut();
            sessionState.set(null);
            navigate("/sign-in");
          }}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
