import { useEffect, useState } from "preact/hooks";
import { cannedResponses } from "../api/resources";
import type { Session } from "../app/session";
import { useObservable } from "../shared/observable";
import { ErrorNotice } from "../shared/ui";
import { useAction } from "./useAction";

export function CannedResponsesAdmin({ session }: { session: Session }) {
  const items = useObservable(session.cannedResponses.items);
  const [shortCode, setShortCode] = useState("");
  const [content, setContent] = useState("");
  const action = useAction();
  useEffect(() => void session.cannedResponses.refresh(), [session]);
  return (
    <>
      <table class="admin-table">
        <caption class="visually-hidden">Canned responses</caption>
        <thead>
          <tr>
            <th scope="col">Short code</th>
            <th scope="col">Content</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <code>/{r.shortCode}</code>
              </td>
              <td class="wrap">{r.content}</td>
              <td>
                <button
                  type="button"
                  class="link-button danger"
                  aria-label={`Delete /${r.shortCode}`}
                  onClick={() => void action.run(() => cannedResponses.remove(r.id).then(() => session.cannedResponses.refresh()))}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
          {items.length === 0 && (
            <tr>
              <td colSpan={3} class="muted">
                No canned responses yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <form
        class="admin-form stack-form"
        aria-label="Add a canned response"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await action.run(() => cannedResponses.create(shortCode.trim().replace(/^\//, ""), content))) {
            setShortCode("");
            setContent("");
            void session.cannedResponses.refresh();
          }
        }}
      >
        <h2>Add a canned response</h2>
        <label>
          Short code (typed after /)
          <input required pattern="/?[A-Za-z0-9_-]+" value={shortCode} onInput={(e) => setShortCode(e.currentTarget.value)} />
        </label>
        <label>
          Content
          <textarea required rows={3} value={content} onInput={(e) => setContent(e.currentTarget.value)} />
        </label>
        <ErrorNotice error={action.error} onDismiss={action.clear} />
        <button type="submit" class="button-primary" disabled={action.busy}>
          Add canned response
        </button>
      </form>
    </>
  );
}
