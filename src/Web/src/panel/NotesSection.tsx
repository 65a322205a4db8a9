// Internal notes: visible to agents only, kept in the timeline as yellow "Note" items.
import { useState } from "preact/hooks";
import { errorMessage } from "../api/client";
import { conversations } from "../api/resources";
import type { Conversation } from "../api/types";
import type { ChatStore } from "../chat/chat-store";
import { fullDateTime } from "../shared/format";
import { useObservable } from "../shared/observable";
import { ErrorNotice } from "../shared/ui";

export function NotesSection({ conversation, store }: { conversation: Conversation; store: ChatStore }) {
  const messages = useObservable(store.messages);
  const notes = messages.filter((m) => m.direction === "note");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: Event) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const note = await conversations.addNote(conversation.id, text.trim());
      if (note) store.addLocal(note);
      setText("");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="panel-section-body">
      <ul class="notes-list" aria-label="Internal notes">
        {notes.length === 0 && <li class="muted">No notes yet.</li>}
        {notes.map((note) => (
          <li key={note.id} class="note-item">
            <span>{note.content.type === "text" ? note.content.body : note.preview}</span>
            <small class="muted">
              {note.author.name ?? "Agent"} · {fullDateTime(note.createdAt)}
            </small>
          </li>
        ))}
      </ul>
      <form class="stack-form" onSubmit={add}>
        <label>
          New internal note
          <textarea rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="Only agents see notes" />
        </label>
        <button type="submit" class="button-small" disabled={busy || !text.trim()}>
          Add note
        </button>
      </form>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
