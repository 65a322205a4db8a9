// The shell: decides between the sign-in page, the inbox and the admin area.
import { useEffect, useState } from "preact/hooks";
import { setUnauthorizedHandler } from "../api/client";
import { auth } from "../api/resources";
import { AdminPage } from "../admin/AdminPage";
import { SignInPage } from "../auth/SignInPage";
import { InboxPage } from "../inbox/InboxPage";
import { useObservable } from "../shared/observable";
import { currentPath, navigate, parseRoute } from "./router";
import { probablySignedIn, rememberSignedIn, Session, sessionState } from "./session";
import { TopBar } from "./TopBar";

export function App() {
  const path = useObservable(currentPath);
  const current = useObservable(sessionState);
  const [checking, setChecking] = useState(probablySignedIn());
  const route = parseRoute(path);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      rememberSignedIn(false);
      const old = sessionState.value;
      sessionState.set(null);
      void old?.connection.stop();
      if (parseRoute(location.pathname).page !== "sign-in") navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`);
    });
    if (!probablySignedIn()) {
      if (route.page !== "sign-in") navigate("/sign-in", true);
      return;
    }
    auth
      .me()
      .then((me) => {
        const session = new Session(me);
        sessionState.set(session);
        session.start();
        if (parseRoute(location.pathname).page === "sign-in") navigate("/chats", true);
      })
      .catch(() => {
        rememberSignedIn(false);
        navigate("/sign-in", true);
      })
      .finally(() => setChecking(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (checking) return <div class="splash" role="status">Loading Switchboard…</div>;
  if (!current || route.page === "sign-in") return <SignInPage />;

  return (
    <div class="app-shell">
      <TopBar session={current} route={route} />
      <main class="app-main">
        {route.page === "admin" && current.isAdmin ? (
          <AdminPage session={current} section={route.section} />
        ) : (
          <InboxPage session={current} conversationId={route.page === "inbox" ? route.conversationId : undefined} />
        )}
      </main>
    </div>
  );
}
