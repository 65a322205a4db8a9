// Who is signed in, the live connection, and the tenant's reference data (agents, labels,
// canned responses, templates, numbers) that several screens read. Loaded once after sign-in.
import { agents, auth, cannedResponses, channels, labels, templates } from "../api/resources";
import type { Agent, CannedResponse, Channel, Label, Me, Template } from "../api/types";
import { ConversationDirectory } from "../inbox/conversation-directory";
import { InboxConnection } from "../realtime/inbox-connection";
import { Observable } from "../shared/observable";

/** Remembers that this browser signed in, so a first visit shows the sign-in page without asking the Api (no 401 in the console). */
const signedInKey = "switchboard.signedIn";

export function rememberSignedIn(signedIn: boolean): void {
  if (signedIn) localStorage.setItem(signedInKey, "1");
  else localStorage.removeItem(signedInKey);
}

export function probablySignedIn(): boolean {
  return localStorage.getItem(signedInKey) === "1";
}

/**
 * A reference list that loads on first use and can be refreshed after a change. A refresh asked
 * for, or a live change applied, while a load is in flight makes that load stale: its answer may
 * have been read before the change, so it is dropped and the list is loaded again.
 */
export class ReferenceList<T> {
  readonly items = new Observable<T[]>([]);
  readonly error = new Observable<string | null>(null);
  private loading: Promise<void> | null = null;
  private stale = false;
  private loaded = false;

  constructor(private readonly load: () => Promise<T[]>) {}

  ensure(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    return this.refresh();
  }

  /** Resolves once the list reflects the server as it was when refresh was called (or failed to load). */
  refresh(): Promise<void> {
    if (this.loading) {
      this.stale = true;
      return this.loading;
    }
    this.loading = this.loadUntilFresh().finally(() => (this.loading = null));
    return this.loading;
  }

  /** Applies a change the server announced; a load already under way is repeated so it cannot undo it. */
  patch(change: (items: T[]) => T[]): void {
    this.items.update(change);
    if (this.loading) this.stale = true;
  }

  private async loadUntilFresh(): Promise<void> {
    do {
      this.stale = false;
      try {
        const items = await this.load();
        if (this.stale) continue;
        this.items.set(items);
        this.error.set(null);
        this.loaded = true;
      } catch (error: unknown) {
        this.error.set(error instanceof Error ? error.message : String(error));
        return;
      }
    } while (this.stale);
  }
}

export class Session {
  readonly connection = new InboxConnection();
  /** Every conversation on screen, newest snapshot first-class (see ConversationDirectory). */
  readonly directory = new ConversationDirectory();
  readonly agents = new ReferenceList<Agent>(() => agents.list());
  readonly labels = new ReferenceList<Label>(() => labels.list());
  readonly cannedResponses = new ReferenceList<CannedResponse>(() => cannedResponses.list());
  readonly templates = new ReferenceList<Template>(() => templates.list());
  readonly channels = new ReferenceList<Channel>(() => channels.list());

  constructor(readonly me: Me) {
    this.connection.events.on("templateStatusChanged", (change) => {
      const known = this.templates.items.value.some((t) => t.id === change.templateId);
      if (!known) {
        void this.templates.refresh();
        return;
      }
      this.templates.patch((items) =>
        items.map((t) =>
          t.id === change.templateId ? { ...t, status: change.status, rejectionReason: change.reason ?? t.rejectionReason } : t,
        ),
      );
    });
  }

  get isAdmin(): boolean {
    return this.me.role === "admin";
  }

  start(): void {
    void this.connection.start();
    void this.agents.ensure();
    void this.labels.ensure();
    void this.cannedResponses.ensure();
    void this.templates.ensure();
    void this.channels.ensure();
  }

  agentName(agentId: string): string {
    if (agentId === this.me.id) return `${this.me.name} (you)`;
    return this.agents.items.value.find((a) => a.id === agentId)?.name ?? agentId;
  }

  labelColor(name: string): string {
    return this.labels.items.value.find((l) => l.name.toLowerCase() === name.toLowerCase())?.color ?? "#8696a0";
  }

  async signOut(): Promise<void> {
    rememberSignedIn(false);
    await this.connection.stop();
    await auth.logout().catch(() => undefined);
  }
}

export const sessionState = new Observable<Session | null>(null);

export function session(): Session {
  const current = sessionState.value;
  if (!current) throw new Error("Not signed in.");
  return current;
}
