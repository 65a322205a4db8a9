// Who handles the conversation: assign to me, transfer, participants, leave; and its status.
import { useState } from "preact/hooks";
import { errorMessage } from "../api/client";
import { conversations } from "../api/resources";
import type { Conversation, ConversationStatus } from "../api/types";
import type { Session } from "../app/session";
import { localInputValue } from "../shared/format";
import { useObservable } from "../shared/observable";
import { ErrorNotice } from "../shared/ui";

export function AssignmentSection({ conversation, session }: { conversation: Conversation; session: Session }) {
  const agents = useObservable(session.agents.items).filter((a) => a.active);
  const [transferTo, setTransferTo] = useState("");
  const [participant, setParticipant] = useState("");
  const [snoozeUntil, setSnoozeUntil] = useState(localInputValue(new Date(Date.now() + 4 * 3600_000)));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const me = session.me.id;
  const assignee = conversation.assignee;

  async function run(action: () => Promise<Conversation>) {
    setBusy(true);
    setError(null);
    try {
      const updated = await action();
      if (updated) session.directory.accept(updated);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const others = agents.filter((a) => a.id !== assignee?.id);
  const notParticipants = agents.filter((a) => !conversation.participants.includes(a.id) && a.id !== assignee?.id);
  const involved = assignee?.id === me || conversation.participants.includes(me);
  return (
    <div class="panel-section-body">
      <p>
        <span class="muted">Assignee: </span>
        <strong data-testid="panel-assignee">{assignee ? (assignee.id === me ? `${session.me.name} (you)` : (assignee.name ?? session.agentName(assignee.id))) : "Unassigned"}</strong>
      </p>
      <div class="button-row">
        {assignee?.id !== me && (
          <button type="button" class="button-small" disabled={busy} onClick={() => run(() => conversations.assign(conversation.id, me))}>
            Assign to me
          </button>
        )}
        {assignee && (
          <button type="button" class="button-small button-quiet" disabled={busy} onClick={() => run(() => conversations.assign(conversation.id, null))}>
            Unassign
          </button>
        )}
        {involved && (
          <button type="button" class="button-small button-quiet" disabled={busy} onClick={() => run(() => conversations.leave(conversation.id))}>
            Leave
          </button>
        )}
      </div>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (transferTo) void run(() => conversations.assign(conversation.id, transferTo)).then(() => setTransferTo(""));
        }}
      >
        <label class="visually-hidden" for="transfer-to">
          Transfer to
        </label>
        <select id="transfer-to" aria-label="Transfer to" value={transferTo} onChange={(e) => setTransferTo(e.currentTarget.value)}>
          <option value="">Transfer to…</option>
          {others.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.id === me ? `${agent.name} (you)` : agent.name}
            </option>
          ))}
        </select>
        <button type="submit" class="button-small" disabled={!transferTo || busy}>
          Transfer
        </button>
      </form>
      <h4 id="participants-heading">Participants</h4>
      <ul class="plain-list" aria-labelledby="participants-heading">
        {conversation.participants.length === 0 && <li class="muted">Nobody else.</li>}
        {conversation.participants.map((id) => (
          <li key={id} class="participant">
            {session.agentName(id)}
            <button type="button" class="link-button" aria-label={`Remove ${session.agentName(id)}`} onClick={() => run(() => conversations.removeParticipant(conversation.id, id))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (participant) void run(() => conversations.addParticipant(conversation.id, participant)).then(() => setParticipant(""));
        }}
      >
        <select aria-label="Participant to add" value={participant} onChange={(e) => setParticipant(e.currentTarget.value)}>
          <option value="">Add a participant…</option>
          {notParticipants.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
        <button type="submit" class="button-small" disabled={!participant || busy}>
          Add
        </button>
      </form>
      <h4>Status</h4>
      <div class="button-row" role="group" aria-label="Conversation status">
        {(["open", "pending", "resolved"] as ConversationStatus[]).map((status) => (
          <button
            key={status}
            type="button"
            class={`button-small ${conversation.status === status ? "button-selected" : "button-quiet"}`}
            aria-pressed={conversation.status === status}
            disabled={busy}
            onClick={() => run(() => conversations.setStatus(conversation.id, status))}
          >
            {status[0]!.toUpperCase() + status.slice(1)}
          </button>
        ))}
      </div>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => conversations.setStatus(conversation.id, "snoozed", new Date(snoozeUntil).toISOString()));
        }}
      >
        <label class="visually-hidden" for="snooze-until">
          Snooze until
        </label>
        <input id="snooze-until" type="datetime-local" value={snoozeUntil} onInput={(e) => setSnoozeUntil(e.currentTarget.value)} />
        <button type="submit" class="button-small" disabled={busy} aria-pressed={conversation.status === "snoozed"}>
          Snooze
        </button>
      </form>
      {conversation.status === "snoozed" && conversation.snoozedUntil && <p class="muted">Snoozed until {new Date(conversation.snoozedUntil).toLocaleString()}</p>}
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
