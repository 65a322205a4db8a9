// The customer: name, number, the conversation's labels (add / remove) and a short note on the contact.
import { useEffect, useState } from "preact/hooks";
import { errorMessage } from "../api/client";
import { contacts, conversations } from "../api/resources";
import type { Conversation } from "../api/types";
import type { Session } from "../app/session";
import { displayName } from "../shared/format";
import { useObservable } from "../shared/observable";
import { ErrorNotice, LabelChip } from "../shared/ui";

export function CustomerSection({ conversation, session }: { conversation: Conversation; session: Session }) {
  const labels = useObservable(session.labels.items);
  const [note, setNote] = useState("");
  const [savedNote, setSavedNote] = useState("");
  const [noteStatus, setNoteStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState("");

  useEffect(() => {
    let cancelled = false;
    setNote("");
    setSavedNote("");
    setNoteStatus(null);
    contacts
      .get(conversation.contact.id)
      .then((contact) => {
        if (cancelled) return;
        setNote(contact.note ?? "");
        setSavedNote(contact.note ?? "");
      })
      .catch((e: unknown) => !cancelled && setError(errorMessage(e)));
    return () => void (cancelled = true);
  }, [conversation.contact.id]);

  async function setLabels(next: string[]) {
    setError(null);
    try {
      session.directory.accept(await conversations.setLabels(conversation.id, next));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function saveNote(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const contact = await contacts.update(conversation.contact.id, { note: note.trim() });
      setSavedNote(contact.note ?? "");
      setNote(contact.note ?? "");
      setNoteStatus("Note saved.");
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const available = labels.filter((l) => !conversation.labels.some((name) => name.toLowerCase() === l.name.toLowerCase()));
  return (
    <div class="panel-section-body">
      <p class="customer-name">{displayName(conversation.contact)}</p>
      <p class="muted">{conversation.contact.phoneNumber}</p>
      {conversation.contact.optedOut && <p class="warning-text">Opted out of marketing messages.</p>}
      <h4 id="labels-heading">Labels</h4>
      <div class="label-list" role="list" aria-labelledby="labels-heading">
        {conversation.labels.length === 0 && <span class="muted">No labels.</span>}
        {conversation.labels.map((name) => (
          <span role="listitem" key={name}>
            <LabelChip name={name} color={session.labelColor(name)} onRemove={() => void setLabels(conversation.labels.filter((l) => l !== name))} />
          </span>
        ))}
      </div>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (adding) void setLabels([...conversation.labels, adding]).then(() => setAdding(""));
        }}
      >
        <label class="visually-hidden" for="add-label">
          Label to add
        </label>
        <select id="add-label" aria-label="Label to add" value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
          <option value="">{labels.length === 0 ? "No labels yet (an admin creates them)" : "Choose a label…"}</option>
          {available.map((label) => (
            <option key={label.id} value={label.name}>
              {label.name}
            </option>
          ))}
        </select>
        <button type="submit" class="button-small" disabled={!adding}>
          Add label
        </button>
      </form>
      <form class="stack-form" onSubmit={saveNote}>
        <label>
          Customer note
          <textarea rows={2} maxLength={500} value={note} onInput={(e) => (setNote(e.currentTarget.value), setNoteStatus(null))} />
        </label>
        <button type="submit" class="button-small" disabled={note.trim() === savedNote.trim()}>
          Save note
        </button>
        {noteStatus && (
          <span class="success-text" role="status">
            {noteStatus}
          </span>
        )}
      </form>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
