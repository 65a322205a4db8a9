// Times, sizes and countdowns as the chat list and bubbles show them.

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: "long" });
const dateFormat = new Intl.DateTimeFormat(undefined, { day: "2-digit", month: "2-digit", year: "numeric" });
const longDateFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "long", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

const day = 24 * 60 * 60 * 1000;

export function clockTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

export function fullDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** The chat list's time: today's clock time, "Yesterday", a weekday this week, else the date. */
export function listTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const days = Math.round((startOfDay(now) - startOfDay(date)) / day);
  if (days <= 0) return timeFormat.format(date);
  if (days === 1) return "Yesterday";
  if (days < 7) return weekdayFormat.format(date);
  return dateFormat.format(date);
}

/** The centred day separator: "Today", "Yesterday", a weekday, or the long date. */
export function dayLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const days = Math.round((startOfDay(now) - startOfDay(date)) / day);
  if (days <= 0) return "Today";
  if (days === 1) return "Yesterday";
  if (days < 7) return weekdayFormat.format(date);
  return longDateFormat.format(date);
}

export function dayKey(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

export function fileSize(bytes: number | undefined): string {
  if (bytes === undefined) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export interface WindowCountdown {
  open: boolean;
  text: string;
  /** Less than two hours left: shown in amber. */
  closingSoon: boolean;
}

/** Time left of the 24-hour customer-service window, or "window closed". */
export function windowCountdown(window: { open: boolean; expiresAt?: string | undefined }, now = Date.now()): WindowCountdown {
  const expires = window.expiresAt ? Date.parse(window.expiresAt) : NaN;
  const left = expires - now;
  if (!window.open || !(left > 0)) return { open: false, text: "window closed", closingSoon: false };
  const minutes = Math.floor(left / 60000);
  const hours = Math.floor(minutes / 60);
  const text = hours > 0 ? `${hours} h ${minutes % 60} min left` : minutes > 0 ? `${minutes} min left` : "< 1 min left";
  return { open: true, text, closingSoon: left < 2 * 60 * 60 * 1000 };
}

/** A local <input type="datetime-local"> value for a date. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function displayName(contact: { name?: string | undefined; phoneNumber: string }): string {
  return contact.name?.trim() || contact.phoneNumber;
}

export function initials(text: string): string {
  const words = text.replace(/[^\p{L}\p{N} ]/gu, "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "#";
  return ((words[0]?.[0] ?? "") + (words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "")).toUpperCase();
}
