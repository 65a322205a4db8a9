// The admin area: numbers, agents, labels, canned responses and templates.
import { adminSections, navigate, type AdminSection } from "../app/router";
import type { Session } from "../app/session";
import { AgentsAdmin } from "./AgentsAdmin";
import { CannedResponsesAdmin } from "./CannedResponsesAdmin";
import { LabelsAdmin } from "./LabelsAdmin";
import { NumbersAdmin } from "./NumbersAdmin";
import { TemplatesAdmin } from "./TemplatesAdmin";

const titles: Record<AdminSection, string> = {
  numbers: "Numbers",
  agents: "Agents",
  labels: "Labels",
  "canned-responses": "Canned responses",
  templates: "Templates",
};

export function AdminPage({ session, section }: { session: Session; section: AdminSection }) {
  return (
    <div class="admin">
      <nav class="admin-nav" aria-label="Admin sections">
        <h2>Admin</h2>
        <ul>
          {adminSections.map((s) => (
            <li key={s}>
              <a
                href={`/admin/${s}`}
                aria-current={s === section ? "page" : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(`/admin/${s}`);
                }}
              >
                {titles[s]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section class="admin-content" aria-labelledby="admin-title">
        <h1 id="admin-title">{titles[section]}</h1>
        {section === "numbers" && <NumbersAdmin session={session} />}
        {section === "agents" && <AgentsAdmin session={session} />}
        {section === "labels" && <LabelsAdmin session={session} />}
        {section === "canned-responses" && <CannedResponsesAdmin session={session} />}
        {section === "templates" && <TemplatesAdmin session={session} />}
      </section>
    </div>
  );
}
