import { useEffect, useState } from "preact/hooks";
import { agents } from "../api/resources";
import type { Session } from "../app/session";
import { useObservable } from "../shared/observable";
import { ErrorNotice } from "../shared/ui";
import { useAction } from "./useAction";

export function AgentsAdmin({ session }: { session: Session }) {
  const items = useObservable(session.agents.items);
  const [form, setForm] = useState({ name: "", email: "", password: "", role: "agent", capacity: 20 });
  const action = useAction();
  useEffect(() => void session.agents.refresh(), [session]);

  return (
    <>
      <table class="admin-table">
        <caption class="visually-hidden">Agents</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Capacity</th>
            <th scope="col">Active</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{a.email}</td>
              <td>
                <select
                  aria-label={`Role of ${a.name}`}
                  value={a.role}
                  onChange={(e) => void action.run(() => agents.update(a.id, { role: e.currentTarget.value }).then(() => session.agents.refresh()))}
                >
                  <option value="agent">agent</option>
                  <option value="admin">admin</option>
                </select>
              </td>
              <td>{a.capacity}</td>
              <td>
                <label class="switch">
                  <input
                    type="checkbox"
                    checked={a.active}
                    aria-label={`${a.name} is active`}
                    disabled={a.id === session.me.id}
                    onChange={(e) => void action.run(() => agents.update(a.id, { active: e.currentTarget.checked }).then(() => session.agents.refresh()))}
                  />
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="admin-form grid-form"
        aria-label="Add an agent"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await action.run(() => agents.create({ ...form, capacity: Number(form.capacity) }))) {
            setForm({ name: "", email: "", password: "", role: "agent", capacity: 20 });
            void session.agents.refresh();
          }
        }}
      >
        <h2>Add an agent</h2>
        <label>
          Name
          <input required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        </label>
        <label>
          Email
          <input type="email" required value={form.email} autoComplete="off" onInput={(e) => setForm({ ...form, email: e.currentTarget.value })} />
        </label>
        <label>
          Password
          <input type="password" required value={form.password} autoComplete="new-password" onInput={(e) => setForm({ ...form, password: e.currentTarget.value })} />
        </label>
        <label>
          Role
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label>
          Capacity (open conversations)
          <input type="number" min={1} max={100} value={form.capacity} onInput={(e) => setForm({ ...form, capacity: Number(e.currentTarget.value) })} />
        </label>
        <ErrorNotice error={action.error} onDismiss={action.clear} />
        <button type="submit" class="button-primary" disabled={action.busy}>
          Add agent
        </button>
      </form>
    </>
  );
}
