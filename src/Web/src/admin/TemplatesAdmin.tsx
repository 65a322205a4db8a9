// Templates: create (Meta's components shape), submit for approval, delete; the status badge
// follows templateStatusChanged events live.
import { useEffect, useState } from "preact/hooks";
import { templates } from "../api/resources";
import type { Session } from "../app/session";
import { componentText, variableCount } from "../composer/template-text";
import { useObservable } from "../shared/observable";
import { ErrorNotice } from "../shared/ui";
import { useAction } from "./useAction";

export function TemplatesAdmin({ session }: { session: Session }) {
  const items = useObservable(session.templates.items);
  const channels = useObservable(session.channels.items);
  const action = useAction();
  const [form, setForm] = useState({ name: "", language: "en_US", category: "utility", header: "", body: "", footer: "", examples: "", channelId: "" });
  useEffect(() => {
    void session.templates.refresh();
    void session.channels.ensure();
  }, [session]);

  const bodyVariables = variableCount(form.body);
  async function create(event: Event) {
    event.preventDefault();
    const examples = form.examples
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const components: unknown[] = [];
    if (form.header.trim()) components.push({ type: "HEADER", format: "TEXT", text: form.header.trim() });
    components.push({ type: "BODY", text: form.body, ...(bodyVariables > 0 ? { example: { body_text: [examples] } } : {}) });
    if (form.footer.trim()) components.push({ type: "FOOTER", text: form.footer.trim() });
    const created = await action.run(() =>
      templates.create({ name: form.name.trim(), language: form.language.trim(), category: form.category, components, ...(form.channelId ? { channelId: form.channelId } : {}) }),
    );
    if (created) {
      setForm({ ...form, name: "", header: "", body: "", footer: "", examples: "" });
      void session.templates.refresh();
    }
  }

  return (
    <>
      <table class="admin-table">
        <caption class="visually-hidden">Templates</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Language</th>
            <th scope="col">Category</th>
            <th scope="col">Body</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.id} data-template={`${t.name}:${t.language}`}>
              <td>
                <code>{t.name}</code>
              </td>
              <td>{t.language}</td>
              <td>{t.category}</td>
              <td class="wrap">{componentText(t, "BODY")}</td>
              <td>
                <span class={`badge badge-${t.status}`} role="status" aria-label={`Status of ${t.name} ${t.language}: ${t.status}`}>
                  {t.status}
                </span>
                {t.rejectionReason && <small class="muted"> {t.rejectionReason}</small>}
              </td>
              <td>
                <div class="row-actions">
                {t.status === "draft" && (
                  <button
                    type="button"
                    class="button-small"
                    aria-label={`Submit ${t.name} (${t.language}) for approval`}
                    onClick={() => void action.run(() => templates.submit(t.id).then(() => session.templates.refresh()))}
                  >
                    Submit for approval
                  </button>
                )}
                <button
                  type="button"
                  class="link-button danger"
                  aria-label={`Delete ${t.name} (${t.language})`}
                  onClick={() => {
                    if (confirm(`Delete the template ${t.name} (${t.language})?`)) void action.run(() => templates.remove(t.id).then(() => session.templates.refresh()));
                  }}
                >
                  Delete
                </button>
                </div>
              </td>
            </tr>
          ))}
          {items.length === 0 && (
            <tr>
              <td colSpan={6} class="muted">
                No templates yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <ErrorNotice error={action.error} onDismiss={action.clear} />
      <form class="admin-form grid-form" aria-label="Create a template" onSubmit={create}>
        <h2>Create a template</h2>
        <label>
          Name (lowercase, digits, _)
          <input required pattern="[a-z0-9_]+" value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        </label>
        <label>
          Language
          <input required value={form.language} onInput={(e) => setForm({ ...form, language: e.currentTarget.value })} />
        </label>
        <label>
          Category
          <select value={form.category} onChange={(e) => setForm({ ...form, category: e.currentTarget.value })}>
            <option value="utility">Utility</option>
            <option value="marketing">Marketing</option>
            <option value="authentication">Authentication</option>
          </select>
        </label>
        <label>
          Number (reviewed through)
          <select value={form.channelId} onChange={(e) => setForm({ ...form, channelId: e.currentTarget.value })}>
            <option value="">First healthy number</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.displayPhoneNumber})
              </option>
            ))}
          </select>
        </label>
        <label class="span-2">
          Header (optional)
          <input value={form.header} maxLength={60} onInput={(e) => setForm({ ...form, header: e.currentTarget.value })} />
        </label>
        <label class="span-2">
          Body — variables as {"{{1}}"}, {"{{2}}"}…
          <textarea required rows={3} value={form.body} onInput={(e) => setForm({ ...form, body: e.currentTarget.value })} />
        </label>
        {bodyVariables > 0 && (
          <label class="span-2">
            Example values for {bodyVariables} variable{bodyVariables > 1 ? "s" : ""} (comma-separated)
            <input required value={form.examples} onInput={(e) => setForm({ ...form, examples: e.currentTarget.value })} />
          </label>
        )}
        <label class="span-2">
          Footer (optional)
          <input value={form.footer} maxLength={60} onInput={(e) => setForm({ ...form, footer: e.currentTarget.value })} />
        </label>
        <button type="submit" class="button-primary" disabled={action.busy}>
          Create draft
        </button>
      </form>
    </>
  );
}
