// Client-side routes: /sign-in, /chats, /chats/{conversationId}, /admin/{section}.
// The Api answers index.html for these paths (src/Api/Hosting/ConsolePage.cs).
import { Observable } from "../shared/observable";

export const currentPath = new Observable<string>(location.pathname);

export function navigate(path: string, replace = false): void {
  if (path === location.pathname) return;
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  currentPath.set(path);
}

window.addEventListener("popstate", () => currentPath.set(location.pathname));

export type Route =
  | { page: "sign-in" }
  | { page: "inbox"; conversationId?: string }
  | { page: "admin"; section: AdminSection };

export const adminSections = ["numbers", "agents", "labels", "canned-responses", "templates"] as const;
export type AdminSection = (typeof adminSections)[number];

export function parseRoute(path: string): Route {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "sign-in") return { page: "sign-in" };
  if (parts[0] === "admin") {
    const section = adminSections.find((s) => s === parts[1]) ?? "numbers";
    return { page: "admin", section };
  }
  if (parts[0] === "chats" && parts[1]) return { page: "inbox", conversationId: parts[1] };
  return { page: "inbox" };
}

export function chatPath(conversationId: string): string {
  return `/chats/${encodeURIComponent(conversationId)}`;
}
