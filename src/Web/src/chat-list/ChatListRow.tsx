import type { Conversation } from "../api/types";
import type { Session } from "../app/session";
import { StatusTicks } from "../chat/StatusTicks";
import { displayName, initials, listTime, windowCountdown } from "../shared/format";
import { Avatar, LabelChip } from "../shared/ui";

export function ChatListRow(props: { conversation: Conversation; session: Session; selected: boolean; now: number; onOpen: () => void }) {
  const { conversation: c, session, selected, now } = props;
  const name = displayName(c.contact);
  const countdown = windowCountdown(c.window, now);
  const last = c.lastMessage;
  const assignee = c.assignee ? (c.assignee.id === session.me.id ? "You" : (c.assignee.name ?? session.agentName(c.assignee.id))) : "Unassigned";
  return (
    <li class={`chat-row ${selected ? "chat-row-selected" : ""}`} data-conversation-id={c.id}>
      <a
        href={`/chats/${encodeURIComponent(c.id)}`}
        aria-current={selected ? "true" : undefined}
        aria-label={`${name}${c.unreadCount > 0 ? `, ${c.unreadCount} unread` : ""}`}
        onClick={(event) => {
          event.preventDefault();
          props.onOpen();
        }}
      >
        <Avatar text={initials(name)} size={46} />
        <span class="chat-row-main">
          <span class="chat-row-line">
            <span class="chat-row-name">{name}</span>
            {last && <time class={`chat-row-time ${c.unreadCount > 0 ? "unread" : ""}`} dateTime={last.at}>{listTime(last.at)}</time>}
          </span>
          {c.contact.name && <span class="chat-row-number">{c.contact.phoneNumber}</span>}
          <span class="chat-row-line">
            <span class="chat-row-preview">
              {last?.direction === "outbound" && last.status && <StatusTicks status={last.status} compact />}
              {last?.direction === "note" && <span class="preview-tag">Note: </span>}
              {last?.preview ?? "No messages yet"}
            </span>
            {c.unreadCount > 0 && (
              <span class="unread-badge" aria-label={`${c.unreadCount} unread messages`}>
                {c.unreadCount}
              </span>
            )}
          </span>
          <span class="chat-row-meta">
            <span class={`window-badge ${countdown.open ? (countdown.closingSoon ? "closing" : "open") : "closed"}`} title="24-hour customer-service window">
              {countdown.text}
            </span>
            {c.status !== "open" && <span class={`status-badge status-${c.status}`}>{c.status}</span>}
            <span class="chat-row-assignee" title="Assignee">
              {assignee}
            </span>
          </span>
          {c.labels.length > 0 && (
            <span class="chat-row-labels">
              {c.labels.map((label) => (
                <LabelChip key={label} name={label} color={session.labelColor(label)} />
              ))}
            </span>
          )}
        </span>
      </a>
    </li>
  );
}
