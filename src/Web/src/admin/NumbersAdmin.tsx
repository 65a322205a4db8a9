import { useEffect, useState } from "preact/hooks";
import { channels, type ChannelInput } from "../api/resources";
import type { Session } from "../app/session";
import { useObservable } from "../shared/observable";
import { ErrorNotice } from "../shared/ui";
import { useAction } from "./useAction";

const empty: ChannelInput = { type: "whatsapp", name: "", displayPhoneNumber: "", phoneNumberId: "", wabaId: "", accessToken: "", appSecret: "", verifyToken: "", graphBaseUrl: "" };

export function NumbersAdmin({ session }: { session: Session }) {
  const items = useObservable(session.channels.items);
  const loadError = useObservable(session.channels.error);
  const [form, setForm] = useState<ChannelInput>(empty);
  const action = useAction();
  useEffect(() => void session.channels.refresh(), [session]);

  const field = (key: keyof ChannelInput, label: string, type = "text", required = true) => (
    <label>
      {label}
      <input type={type} required={required} value={form[key] ?? ""} autoComplete="off" onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })} />
    </label>
  );

  return (
    <>
      <table class="admin-table">
        <caption class="visually-hidden">WhatsApp numbers</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Number</th>
            <th scope="col">Phone number id</th>
            <th scope="col">WABA id</th>
            <th scope="col">Status</th>
            <th scope="col">Throughput</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.displayPhoneNumber}</td>
              <td>
                <code>{c.phoneNumberId}</code>
              </td>
              <td>
                <code>{c.wabaId}</code>
              </td>
              <td>
                <span class={`badge ${c.healthy ? "badge-approved" : "badge-rejected"}`}>{c.status}</span>
              </td>
              <td>{c.throughputPerSecond}/s</td>
              <td>
                <button
                  type="button"
                  class="link-button danger"
                  aria-label={`Remove ${c.name}`}
                  onClick={() => {
                    if (confirm(`Remove the number ${c.displayPhoneNumber}?`)) void action.run(() => channels.remove(c.id).then(() => session.channels.refresh()));
                  }}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
          {items.length === 0 && (
            <tr>
              <td colSpan={7} class="muted">
                No numbers yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <ErrorNotice error={loadError} />
      <form
        class="admin-form grid-form"
        aria-label="Add a number"
        onSubmit={async (event) => {
          event.preventDefault();
          const body: ChannelInput = { ...form };
          if (!body.graphBaseUrl) delete body.graphBaseUrl;
          if (await action.run(() => channels.create(body))) {
            setForm(empty);
            void session.channels.refresh();
          }
        }}
      >
        <h2>Add a WhatsApp number</h2>
        {field("name", "Name")}
        {field("displayPhoneNumber", "Display number (E.164)", "tel")}
        {field("phoneNumberId", "Phone number id")}
        {field("wabaId", "WhatsApp Business Account id")}
        {field("accessToken", "Access token", "password")}
        {field("appSecret", "App secret", "password")}
        {field("verifyToken", "Webhook verify token", "password")}
        {field("graphBaseUrl", "Graph base URL (optional)", "url", false)}
        <ErrorNotice error={action.error} onDismiss={action.clear} />
        <button type="submit" class="button-primary" disabled={action.busy}>
          Add number
        </button>
      </form>
    </>
  );
}
