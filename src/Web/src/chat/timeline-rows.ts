// The timeline as rows for the virtual list: day separators between days, reactions folded
// onto the message they react to (as WhatsApp shows them), everything else one row each.
import type { Message } from "../api/types";
import { dayKey, dayLabel } from "../shared/format";

export type TimelineRow = { kind: "day"; key: string; label: string } | { kind: "message"; key: string; message: Message };

export interface Timeline {
  rows: TimelineRow[];
  /** Emojis on a message, by our id and by the provider's id. */
  reactions: Map<string, string[]>;
  /** Messages by our id and by the provider's id, for quotes. */
  byAnyId: Map<string, Message>;
}

export function messageTime(message: Message): string {
  return message.direction === "inbound" && message.providerTimestamp ? message.providerTimestamp : message.createdAt;
}

export function buildTimeline(messages: readonly Message[]): Timeline {
  const rows: TimelineRow[] = [];
  const byAnyId = new Map<string, Message>();
  const latestReaction = new Map<string, Map<string, string>>(); // target → (reactor → emoji)
  for (const message of messages) {
    byAnyId.set(message.id, message);
    if (message.providerMessageId) byAnyId.set(message.providerMessageId, message);
  }
  let lastDay = "";
  for (const message of messages) {
    if (message.content.type === "reaction") {
      const reactor = message.direction === "inbound" ? "customer" : (message.author.id ?? "business");
      const target = message.content.targetMessageId;
      const perTarget = latestReaction.get(target) ?? new Map<string, string>();
      perTarget.set(reactor, message.content.emoji ?? "");
      latestReaction.set(target, perTarget);
      continue;
    }
    const time = messageTime(message);
    const day = dayKey(time);
    if (day !== lastDay) {
      rows.push({ kind: "day", key: `day:${day}`, label: dayLabel(time) });
      lastDay = day;
    }
    rows.push({ kind: "message", key: message.id, message });
  }
  const reactions = new Map<string, string[]>();
  for (const [target, perReactor] of latestReaction) {
    const emojis = [...perReactor.values()].filter(Boolean);
    if (emojis.length === 0) continue;
    const message = byAnyId.get(target);
    reactions.set(message?.id ?? target, emojis);
  }
  return { rows, reactions, byAnyId };
}

/** A first guess of a row's height before it is measured (px). */
export function estimateRowHeight(row: TimelineRow): number {
  if (row.kind === "day") return 44;
  const message = row.message;
  const base = message.replyTo ? 104 : 52;
  switch (message.content.type) {
    case "image":
      return base + 280;
    case "video":
      return base + 240;
    case "sticker":
      return 150;
    case "audio":
      return base + 50;
    case "document":
      return base + 60;
    case "location":
    case "contacts":
      return base + 60;
    case "system":
      return 44;
    default: {
      const length = message.preview.length;
      return base + Math.floor(length / 48) * 20;
    }
  }
}
