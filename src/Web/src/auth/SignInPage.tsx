import { useState } from "preact/hooks";
import { errorMessage } from "../api/client";
import { auth } from "../api/resources";
import { navigate } from "../app/router";
import { rememberSignedIn, Session, sessionState } from "../app/session";

export function SignInPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await auth.login(email.trim(), password);
      rememberSignedIn(true);
      const me = await auth.me();
      const session = new Session(me);
      sessionState.set(session);
      session.start();
      const next = new URLSearchParams(location.search).get("next");
      navigate(next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/chats", true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="sign-in-page">
      <div class="sign-in-band" aria-hidden="true" />
      <main class="sign-in-card">
        <h1>
          <span class="brand-mark" aria-hidden="true" /> Switchboard
        </h1>
        <p class="muted">Sign in to answer your customers on WhatsApp.</p>
        <form onSubmit={signIn} aria-label="Sign in">
          <label>
            Email
            <input type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label>
            Password
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          {error && (
            <p class="error-text" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      </main>
    </div>
  );
}
