// The latest known state of every conversation on screen. A snapshot replaces what we have
// only if its sequence is newer; a watched conversation's events patch it in between.
import type { Conversation } from "../api/types";
import { Observable } from "../shared/observable";

export class ConversationDirectory {
  private readonly byId = new Map<string, Conversation>();
  /** Bumped on every change, so views re-render. */
  readonly version = new Observable(0);

  get(id: string): Conversation | undefined {
    return this.byId.get(id);
  }

  /** Keeps the snapshot if it is at least as new as what we have; answers whether it did. */
  accept(snapshot: Conversation): boolean {
    const known = this.byId.get(snapshot.id);
    if (known && known.sequence > snapshot.sequence) return false;
    this.byId.set(snapshot.id, snapshot);
    this.version.update((v) => v + 1);
    return true;
  }

  /** Applies one event's change if the event is newer than the state we hold. */
  patch(id: string, sequence: number, change: (conversation: Conversation) => Conversation): void {
    const known = this.byId.get(id);
    if (!known || sequence <= known.sequence) return;
    this.byId.set(id, { ...change(known), sequence });
    this.version.update((v) => v + 1);
  }

  /** A local change that the server confirmed (e.g. marking read) without a new sequence. */
  amend(id: string, change: (conversation: Conversation) => Conversation): void {
    const known = this.byId.get(id);
    if (!known) return;
    this.byId.set(id, change(known));
    this.version.update((v) => v + 1);
  }
}
