import { useEffect, useState } from "preact/hooks";
import { labels } from "../api/resources";
import type { Session } from "../app/session";
import { useObservable } from "../shared/observable";
import { ErrorNotice, LabelChip } from "../shared/ui";
import { useAction } from "./useAction";

export function LabelsAdmin({ session }: { session: Session }) {
  const items = useObservable(session.labels.items);
  const [name, setName] = useState("");
  const [color, setColor] = useState("#00A884");
  const action = useAction();
  useEffect(() => void session.labels.refresh(), [session]);
  return (
    <>
      <ul class="admin-list" aria-label="Labels">
        {items.length === 0 && <li class="muted">No labels yet.</li>}
        {items.map((label) => (
          <li key={label.id}>
            <LabelChip name={label.name} color={label.color} />
            <input
              type="color"
              aria-label={`Colour of ${label.name}`}
              value={label.color}
              onChange={(e) => void action.run(() => labels.update(label.id, { color: e.currentTarget.value }).then(() => session.labels.refresh()))}
            />
            <button
              type="button"
              class="link-button danger"
              aria-label={`Delete label ${label.name}`}
              onClick={() => void action.run(() => labels.remove(label.id).then(() => session.labels.refresh()))}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form
        class="admin-form inline-form"
        aria-label="Add a label"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await action.run(() => labels.create(name.trim(), color))) {
            setName("");
            void session.labels.refresh();
          }
        }}
      >
        <label>
          Label name
          <input required maxLength={50} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Colour
          <input type="color" value={color} onInput={(e) => setColor(e.currentTarget.value.toUpperCase())} />
        </label>
        <button type="submit" class="button-primary" disabled={action.busy}>
          Add label
        </button>
      </form>
      <ErrorNotice error={action.error} onDismiss={action.clear} />
    </>
  );
}
