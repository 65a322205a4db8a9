// FAQ: the tenant's canned responses; "Use" fills the composer.
import { useState } from "preact/hooks";
import type { Session } from "../app/session";
import { fillComposer } from "../composer/Composer";
import { useObservable } from "../shared/observable";
import { ErrorNotice } from "../shared/ui";

export function CannedSection({ session }: { session: Session }) {
  const responses = useObservable(session.cannedResponses.items);
  const error = useObservable(session.cannedResponses.error);
  const [filter, setFilter] = useState("");
  const shown = responses.filter((r) => `${r.shortCode} ${r.content}`.toLowerCase().includes(filter.toLowerCase()));
  return (
    <div class="panel-section-body">
      <input type="search" aria-label="Filter canned responses" placeholder="Filter" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      <ul class="canned-list" aria-label="Canned responses">
        {shown.length === 0 && <li class="muted">No canned responses{responses.length > 0 ? " match" : " yet"}.</li>}
        {shown.map((response) => (
          <li key={response.id}>
            <button type="button" class="canned-item" onClick={() => fillComposer(response.content)} aria-label={`Use /${response.shortCode}: ${response.content}`}>
              <strong>/{response.shortCode}</strong>
              <span>{response.content}</span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorNotice error={error} />
    </div>
  );
}
