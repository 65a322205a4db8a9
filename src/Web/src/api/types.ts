// The Api's JSON shapes (src/Api/**: ConversationViews, AuthEndpoints, …), camelCase with nulls omitted.

export type ConversationStatus = "open" | "pending" | "resolved" | "snoozed";
export type InboxView = "mine" | "unassigned" | "all";
export type Direction = "inbound" | "outbound" | "system" | "note";
export type MessageStatus = "held" | "queued" | "sent" | "delivered" | "read" | "played" | "failed" | "received";

export interface Me {
  id: string;
  tenantId: string;
  tenantName: string;
  email: string;
  name: string;
  role: "admin" | "agent";
}

export interface ContactSummary {
  id: string;
  phoneNumber: string;
  name?: string;
  optedOut: boolean;
}

export interface AgentSummary {
  id: string;
  name?: string;
}

export interface ConversationWindow {
  open: boolean;
  expiresAt?: string;
  lastInboundAt?: string;
}

export interface LastMessage {
  id: string;
  preview: string;
  direction: Direction | "";
  status: MessageStatus | "";
  at: string;
}

export interface BotState {
  active: boolean;
  flow?: string;
}

export interface Conversation {
  id: string;
  channelId: string;
  channelType: string;
  contact: ContactSummary;
  status: ConversationStatus;
  snoozedUntil?: string;
  assignee?: AgentSummary;
  participants: string[];
  labels: string[];
  window: ConversationWindow;
  lastMessage?: LastMessage;
  unreadCount: number;
  bot: BotState;
  sequence: number;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationPage {
  items: Conversation[];
  nextCursor?: string;
}

export interface MessageAuthor {
  kind: string;
  id?: string;
  name?: string;
}

export interface MessageError {
  code: string;
  reason?: string;
}

export interface Message {
  id: string;
  conversationId: string;
  sequence: number;
  direction: Direction;
  type: string;
  content: MessageContent;
  preview: string;
  status: MessageStatus;
  author: MessageAuthor;
  providerMessageId?: string;
  replyTo?: string;
  error?: MessageError;
  createdAt: string;
  providerTimestamp?: string;
}

export interface MessagePage {
  items: Message[];
  hasMore: boolean;
}

/** A contact's media messages, newest first; nextCursor fetches older ones. */
export interface ContactFilePage {
  items: Message[];
  nextCursor?: string;
}

export interface MessageAccepted {
  id: string;
  status: "queued" | "held";
}

// ---- Message content (src/Grains.Interfaces/Messages/MessageContent.cs) ----

export interface MediaRef {
  mediaId?: string;
  providerMediaId?: string;
  link?: string;
  mimeType?: string;
  size?: number;
  sha256?: string;
  filename?: string;
}

export interface ContactCard {
  name: { formattedName: string; firstName?: string; lastName?: string };
  phones?: { phone?: string; waId?: string; type?: string }[];
  emails?: { email: string; type?: string }[];
  org?: { company?: string; department?: string; title?: string };
}

export type MessageContent =
  | { type: "text"; body: string; previewUrl?: boolean }
  | { type: "image"; media: MediaRef; caption?: string }
  | { type: "video"; media: MediaRef; caption?: string }
  | { type: "audio"; media: MediaRef; voice?: boolean }
  | { type: "document"; media: MediaRef; caption?: string; filename?: string }
  | { type: "sticker"; media: MediaRef; animated?: boolean }
  | { type: "location"; latitude: number; longitude: number; name?: string; address?: string; url?: string }
  | { type: "contacts"; contacts: ContactCard[] }
  | { type: "interactive_buttons"; body: string; buttons: { id: string; title: string }[]; header?: string; footer?: string }
  | {
      type: "interactive_list";
      body: string;
      buttonText: string;
      sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
      header?: string;
      footer?: string;
    }
  | { type: "interactive_reply"; replyType: string; id: string; title: string; description?: string }
  | { type: "button"; payload: string; text: string }
  | { type: "reaction"; targetMessageId: string; emoji?: string }
  | { type: "template"; name: string; language: string; parameters?: unknown; renderedBody?: string }
  | { type: "system"; body: string; systemType?: string; newWaId?: string }
  | { type: "unsupported"; originalType?: string };

export type MediaContentType = "image" | "video" | "audio" | "document" | "sticker";

// ---- Other resources ----

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: "admin" | "agent";
  active: boolean;
  capacity: number;
}

export interface Label {
  id: string;
  name: string;
  color: string;
  createdAt: string;
}

export interface CannedResponse {
  id: string;
  shortCode: string;
  content: string;
  createdAt: string;
}

export interface Channel {
  id: string;
  type: string;
  name: string;
  displayPhoneNumber: string;
  phoneNumberId: string;
  wabaId: string;
  graphBaseUrl: string;
  graphVersion: string;
  throughputPerSecond: number;
  status: string;
  healthy: boolean;
  hasAccessToken: boolean;
  hasAppSecret: boolean;
  hasVerifyToken: boolean;
  createdAt: string;
}

export interface Contact {
  id: string;
  phoneNumber: string;
  name?: string;
  note?: string;
  labels: string[];
  optedOut: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateComponent {
  type: string; // HEADER | BODY | FOOTER | BUTTONS (Meta's creation shape)
  format?: string;
  text?: string;
  buttons?: { type: string; text: string; url?: string; phone_number?: string }[];
  example?: unknown;
}

export interface Template {
  id: string;
  name: string;
  language: string;
  category: string;
  components: TemplateComponent[];
  bodyParameterCount: number;
  status: string;
  rejectionReason?: string;
  rejectionRecommendation?: string;
  statusReason?: string;
  providerTemplateId?: string;
  channelId?: string;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
}

export interface ScheduledMessage {
  id: string;
  content: MessageContent;
  preview: string;
  sendAt: string;
  author: MessageAuthor;
  createdAt: string;
  hasTemplateFallback: boolean;
}

export interface UploadedMedia {
  id: string;
  mimeType: string;
  size: number;
  sha256: string;
  filename?: string;
}

export interface TemplateSend {
  name: string;
  language: string;
  parameters: string[] | { header?: { type: "text"; text: string }; body?: string[] };
}

// ---- Real-time events (src/Api/Realtime/InboxRelay.cs) ----

export interface ConversationUpdatedEvent {
  conversationId: string;
  sequence: number;
  conversation?: Conversation;
  change?: string;
}

export interface MessageCreatedEvent {
  conversationId: string;
  sequence: number;
  message: Message;
}

export interface MessageStatusChangedEvent {
  conversationId: string;
  sequence: number;
  messageId: string;
  status: MessageStatus;
  providerMessageId?: string;
  error?: MessageError;
}

export interface WindowChangedEvent {
  conversationId: string;
  sequence: number;
  window: ConversationWindow;
}

export interface AssignmentChangedEvent {
  conversationId: string;
  sequence: number;
  assignee?: AgentSummary;
  previous?: AgentSummary;
}

export interface BotChangedEvent {
  conversationId: string;
  sequence: number;
  bot: BotState;
}

export interface TemplateStatusChangedEvent {
  tenantId: string;
  templateId: string;
  name: string;
  language: string;
  status: string;
  reason?: string;
}
