// Scheduled messages: list, create at a date and time, cancel.
import { useEffect, useState } from "preact/hooks";
import { errorMessage } from "../api/client";
import { conversations } from "../api/resources";
import type { Conversation, ScheduledMessage } from "../api/types";
import { fullDateTime, localInputValue } from "../shared/format";
import { ErrorNotice } from "../shared/ui";

export function ScheduledSection({ conversation }: { conversation: Conversation }) {
  const [items, setItems] = useState<ScheduledMessage[]>([]);
  const [text, setText] = useState("");
  const [sendAt, setSendAt] = useState(localInputValue(new Date(Date.now() + 3600_000)));
  const [error, setError] = useState<string | null>(null);

  const reload = () =>
    conversations
      .scheduled(conversation.id)
      .then(setItems)
      .catch((e: unknown) => setError(errorMessage(e)));

  // The list changes when a scheduled message goes out (a new message) or is cancelled elsewhere.
  useEffect(() => void reload(), [conversation.id, conversation.sequence]); // eslint-disable-line react-hooks/exhaustive-deps

  async function create(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      await conversations.schedule(conversation.id, text.trim(), new Date(sendAt).toISOString());
      setText("");
      await reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div class="panel-section-body">
      <ul class="plain-list" aria-label="Scheduled messages">
        {items.length === 0 && <li class="muted">Nothing scheduled.</li>}
        {items.map((item) => (
          <li key={item.id} class="scheduled-item">
            <span>
              <strong>{fullDateTime(item.sendAt)}</strong>
              <span class="scheduled-text">{item.preview}</span>
            </span>
            <button
              type="button"
              class="link-button"
              aria-label={`Cancel the message scheduled for ${fullDateTime(item.sendAt)}`}
              onClick={() =>
                conversations
                  .cancelScheduled(conversation.id, item.id)
                  .then(reload)
                  .catch((e: unknown) => setError(errorMessage(e)))
              }
            >
              Cancel
            </button>
          </li>
        ))}
      </ul>
      <form class="stack-form" onSubmit={create}>
        <label>
          Message to schedule
          <textarea rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label>
          Send at
          <input type="datetime-local" value={sendAt} required onInput={(e) => setSendAt(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button-small" disabled={!text.trim()}>
          Schedule
        </button>
      </form>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
