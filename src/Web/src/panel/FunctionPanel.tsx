// The right column: everything about the customer and the conversation, in sections.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { conversations } from "../api/resources";
import type { Session } from "../app/session";
import type { ChatStore } from "../chat/chat-store";
import { TemplateForm } from "../composer/TemplateForm";
import { useObservable } from "../shared/observable";
import { AssignmentSection } from "./AssignmentSection";
import { CannedSection } from "./CannedSection";
import { CustomerSection } from "./CustomerSection";
import { FilesSection } from "./FilesSection";
import { NotesSection } from "./NotesSection";
import { ScheduledSection } from "./ScheduledSection";

/** A collapsible section; its content is only rendered (and fetched) while it is open. */
function Section({ title, open, children }: { title: string; open?: boolean; children: ComponentChildren }) {
  const [isOpen, setOpen] = useState(Boolean(open));
  return (
    <details class="panel-section" open={isOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h3>{title}</h3>
      </summary>
      {isOpen && children}
    </details>
  );
}

export function FunctionPanel({ store, session }: { store: ChatStore; session: Session }) {
  useObservable(session.directory.version);
  const conversation = store.conversation;
  if (!conversation) return <aside class="function-panel" aria-label="Details" />;
  return (
    <aside class="function-panel" aria-label="Details">
      <Section title="Customer" open>
        <CustomerSection conversation={conversation} session={session} />
      </Section>
      <Section title="Assignment" open>
        <AssignmentSection conversation={conversation} session={session} />
      </Section>
      <Section title="Internal notes" open>
        <NotesSection conversation={conversation} store={store} />
      </Section>
      <Section title="FAQ — canned responses">
        <CannedSection session={session} />
      </Section>
      <Section title="Scheduled messages">
        <ScheduledSection conversation={conversation} />
      </Section>
      <Section title="Message templates">
        <div class="panel-section-body">
          <TemplateForm
            session={session}
            idPrefix={`panel-${conversation.id}`}
            submitLabel="Send template"
            onSubmit={async (template) => {
              await conversations.send(conversation.id, { type: "template", template });
            }}
          />
        </div>
      </Section>
      <Section title="Files">
        <FilesSection conversation={conversation} />
      </Section>
    </aside>
  );
}
