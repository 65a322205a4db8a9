// Start (or re-open) a conversation with a template: a healthy number, an E.164 number, a template.
import { useEffect, useState } from "preact/hooks";
import { conversations } from "../api/resources";
import type { Session } from "../app/session";
import { TemplateForm } from "../composer/TemplateForm";
import { useObservable } from "../shared/observable";
import { Dialog, ErrorNotice } from "../shared/ui";

const e164 = /^\+[1-9]\d{7,14}$/;

export function NewConversationDialog({ session, onClose, onStarted }: { session: Session; onClose: () => void; onStarted: (conversationId: string) => void }) {
  const channels = useObservable(session.channels.items);
  const channelsError = useObservable(session.channels.error);
  const healthy = channels.filter((c) => c.healthy);
  const [channelId, setChannelId] = useState("");
  const [to, setTo] = useState("+");
  useEffect(() => void session.channels.refresh(), [session]);
  useEffect(() => {
    if (!channelId && healthy[0]) setChannelId(healthy[0].id);
  }, [healthy, channelId]);
  const validNumber = e164.test(to.replace(/[\s()-]/g, ""));

  return (
    <Dialog title="New conversation" onClose={onClose}>
      <div class="stack-form">
        <label>
          From number
          <select value={channelId} onChange={(e) => setChannelId(e.currentTarget.value)}>
            {channels.map((c) => (
              <option key={c.id} value={c.id} disabled={!c.healthy}>
                {c.name} ({c.displayPhoneNumber}){c.healthy ? "" : ` — ${c.status}, cannot send`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Customer number (E.164, with country code)
          <input type="tel" value={to} placeholder="+5511999990000" aria-invalid={to.length > 1 && !validNumber} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        {to.length > 4 && !validNumber && <p class="warning-text">Use +, the country code and the number, e.g. +5511999990000.</p>}
        <ErrorNotice error={channelsError} />
      </div>
      <TemplateForm
        session={session}
        idPrefix="new-conversation"
        submitLabel="Start conversation"
        disabled={!channelId || !validNumber}
        onSubmit={async (template) => {
          const conversation = await conversations.start(channelId, to.replace(/[\s()-]/g, ""), template);
          session.directory.accept(conversation);
          onStarted(conversation.id);
        }}
      />
    </Dialog>
  );
}
