// Every Api call the console makes, by resource (api.md). Paths and bodies follow the contract.
import { http, query } from "./client";
import type {
  Agent,
  CannedResponse,
  Channel,
  Contact,
  ContactFilePage,
  Conversation,
  ConversationPage,
  ConversationStatus,
  InboxView,
  Label,
  Me,
  Message,
  MessageAccepted,
  MessagePage,
  ScheduledMessage,
  Template,
  TemplateSend,
  UploadedMedia,
} from "./types";

const v1 = "/api/v1";
const id = encodeURIComponent;

export const auth = {
  login: (email: string, password: string) => http.post<{ id: string; name: string; role: string }>(`${v1}/auth/login`, { email, password }),
  logout: () => http.post<void>(`${v1}/auth/logout`),
  me: () => http.get<Me>(`${v1}/me`),
};

export interface ConversationFilter {
  view: InboxView;
  status?: ConversationStatus | undefined;
  label?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
}

/** A message body of POST …/messages (api.md). */
export type OutgoingMessage = (
  | { type: "text"; text: string; previewUrl?: boolean }
  | { type: "image" | "video" | "audio" | "document" | "sticker"; mediaId: string; caption?: string; filename?: string }
  | { type: "template"; template: TemplateSend }
) & { replyTo?: string; holdIfWindowClosed?: boolean };

export const conversations = {
  list: (filter: ConversationFilter, signal?: AbortSignal) =>
    http.get<ConversationPage>(
      `${v1}/conversations${query({ view: filter.view, status: filter.status, label: filter.label, q: filter.q, cursor: filter.cursor })}`,
      signal ? { signal } : undefined,
    ),
  get: (conversationId: string) => http.get<Conversation>(`${v1}/conversations/${id(conversationId)}`),
  start: (channelId: string, to: string, template: TemplateSend) => http.post<Conversation>(`${v1}/conversations`, { channelId, to, template }),
  messages: (conversationId: string, before?: number, limit = 50) =>
    http.get<MessagePage>(`${v1}/conversations/${id(conversationId)}/messages${query({ before, limit })}`),
  send: (conversationId: string, message: OutgoingMessage) => http.post<MessageAccepted>(`${v1}/conversations/${id(conversationId)}/messages`, message),
  markRead: (conversationId: string) => http.post<Conversation>(`${v1}/conversations/${id(conversationId)}/read`),
  assign: (conversationId: string, agentId: string | null) => http.post<Conversation>(`${v1}/conversations/${id(conversationId)}/assign`, { agentId }),
  addParticipant: (conversationId: string, agentId: string) =>
    http.post<Conversation>(`${v1}/conversations/${id(conversationId)}/participants`, { agentId }),
  removeParticipant: (conversationId: string, agentId: string) =>
    http.delete<Conversation>(`${v1}/conversations/${id(conversationId)}/participants/${id(agentId)}`),
  leave: (conversationId: string) => http.post<Conversation>(`${v1}/conversations/${id(conversationId)}/leave`),
  setStatus: (conversationId: string, status: ConversationStatus, snoozedUntil?: string) =>
    http.post<Conversation>(`${v1}/conversations/${id(conversationId)}/status`, { status, snoozedUntil }),
  setLabels: (conversationId: string, labels: string[]) => http.post<Conversation>(`${v1}/conversations/${id(conversationId)}/labels`, { labels }),
  addNote: (conversationId: string, text: string) => http.post<Message>(`${v1}/conversations/${id(conversationId)}/notes`, { text }),
  exitBot: (conversationId: string) => http.post<Conversation>(`${v1}/conversations/${id(conversationId)}/bot/exit`),
  scheduled: (conversationId: string) => http.get<ScheduledMessage[]>(`${v1}/conversations/${id(conversationId)}/scheduled-messages`),
  schedule: (conversationId: string, text: string, sendAt: string) =>
    http.post<ScheduledMessage>(`${v1}/conversations/${id(conversationId)}/scheduled-messages`, { type: "text", text, sendAt }),
  cancelScheduled: (conversationId: string, messageId: string) =>
    http.delete(`${v1}/conversations/${id(conversationId)}/scheduled-messages/${id(messageId)}`),
};

export const contacts = {
  get: (contactId: string) => http.get<Contact>(`${v1}/contacts/${id(contactId)}`),
  update: (contactId: string, changes: Partial<Pick<Contact, "name" | "note" | "labels" | "optedOut">>) =>
    http.patch<Contact>(`${v1}/contacts/${id(contactId)}`, changes),
  files: (contactId: string, cursor?: string) => http.get<ContactFilePage>(`${v1}/contacts/${id(contactId)}/files${query({ cursor })}`),
};

export const media = {
  upload: (file: File, kind: string) => {
    const form = new FormData();
    form.append("file", file, file.name);
    form.append("kind", kind);
    return http.post<UploadedMedia>(`${v1}/media`, form);
  },
  url: (mediaId: string) => `${v1}/media/${id(mediaId)}`,
};

export const agents = {
  list: () => http.get<Agent[]>(`${v1}/agents`),
  create: (agent: { email: string; name: string; password: string; role: string; capacity?: number }) => http.post<Agent>(`${v1}/agents`, agent),
  update: (agentId: string, changes: Partial<{ name: string; role: string; password: string; active: boolean; capacity: number }>) =>
    http.patch<Agent>(`${v1}/agents/${id(agentId)}`, changes),
};

export const labels = {
  list: () => http.get<Label[]>(`${v1}/labels`),
  create: (name: string, color: string) => http.post<Label>(`${v1}/labels`, { name, color }),
  update: (labelId: string, changes: { name?: string; color?: string }) => http.patch<Label>(`${v1}/labels/${id(labelId)}`, changes),
  remove: (labelId: string) => http.delete(`${v1}/labels/${id(labelId)}`),
};

export const cannedResponses = {
  list: (q?: string) => http.get<CannedResponse[]>(`${v1}/canned-responses${query({ q })}`),
  create: (shortCode: string, content: string) => http.post<CannedResponse>(`${v1}/canned-responses`, { shortCode, content }),
  update: (responseId: string, changes: { shortCode?: string; content?: string }) =>
    http.patch<CannedResponse>(`${v1}/canned-responses/${id(responseId)}`, changes),
  remove: (responseId: string) => http.delete(`${v1}/canned-responses/${id(responseId)}`),
};

export interface ChannelInput {
  type: "whatsapp";
  name: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  graphBaseUrl?: string;
}

export const channels = {
  list: () => http.get<Channel[]>(`${v1}/channels`),
  create: (channel: ChannelInput) => http.post<Channel>(`${v1}/channels`, channel),
  update: (channelId: string, changes: Partial<ChannelInput> & { status?: string }) => http.patch<Channel>(`${v1}/channels/${id(channelId)}`, changes),
  remove: (channelId: string) => http.delete(`${v1}/channels/${id(channelId)}`),
};

export interface TemplateInput {
  name: string;
  language: string;
  category: string;
  components: unknown[];
  channelId?: string;
}

export const templates = {
  list: (status?: string) => http.get<Template[]>(`${v1}/templates${query({ status })}`),
  create: (template: TemplateInput) => http.post<Template>(`${v1}/templates`, template),
  submit: (templateId: string) => http.post<Template>(`${v1}/templates/${id(templateId)}/submit`),
  remove: (templateId: string) => http.delete(`${v1}/templates/${id(templateId)}`),
};
