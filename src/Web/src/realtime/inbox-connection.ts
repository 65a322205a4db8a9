// The SignalR hub (/hubs/inbox): one connection per tab. Connecting joins the tenant's group
// (chat-list snapshots, assignment and template news); Watch(id) adds one conversation's events.
// Reconnects forever with back-off; screens listen to "reconnected" to catch up over REST.
import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel, type ILogger } from "@microsoft/signalr";
import type {
  AssignmentChangedEvent,
  BotChangedEvent,
  Conversation,
  ConversationUpdatedEvent,
  MessageCreatedEvent,
  MessageStatusChangedEvent,
  TemplateStatusChangedEvent,
  WindowChangedEvent,
} from "../api/types";
import { Emitter, Observable } from "../shared/observable";

export type InboxEvents = {
  conversationUpdated: ConversationUpdatedEvent;
  messageCreated: MessageCreatedEvent;
  messageStatusChanged: MessageStatusChangedEvent;
  windowChanged: WindowChangedEvent;
  assignmentChanged: AssignmentChangedEvent;
  botChanged: BotChangedEvent;
  templateStatusChanged: TemplateStatusChangedEvent;
  reconnected: undefined;
};

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "disconnected";

const eventNames = [
  "conversationUpdated",
  "messageCreated",
  "messageStatusChanged",
  "windowChanged",
  "assignmentChanged",
  "botChanged",
  "templateStatusChanged",
] as const;

/** SignalR's own log goes to the connection status, never to the browser console. */
class StatusLogger implements ILogger {
  lastError = new Observable<string | null>(null);

  log(level: LogLevel, message: string): void {
    if (level >= LogLevel.Error) this.lastError.set(message);
  }
}

export class InboxConnection {
  readonly events = new Emitter<InboxEvents>();
  readonly state = new Observable<ConnectionState>("connecting");
  private readonly logger = new StatusLogger();
  private readonly hub: HubConnection;
  private started: Promise<void> | null = null;
  private stopped = false;

  constructor(url = "/hubs/inbox") {
    this.hub = new HubConnectionBuilder()
      .withUrl(url, { withCredentials: true })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (retry) => Math.min(500 * 2 ** retry.previousRetryCount, 10_000) })
      .configureLogging(this.logger)
      .build();
    for (const name of eventNames) {
      this.hub.on(name, (payload: never) => this.events.emit(name, payload));
    }
    this.hub.onreconnecting(() => this.state.set("reconnecting"));
    this.hub.onreconnected(() => {
      this.state.set("connected");
      this.events.emit("reconnected", undefined);
    });
    this.hub.onclose(() => {
      this.state.set("disconnected");
      // Automatic reconnect gave up or the first start failed: keep trying, as a phone would.
      if (!this.stopped) window.setTimeout(() => void this.start(), 3000);
    });
  }

  start(): Promise<void> {
    if (this.hub.state === HubConnectionState.Connected) return Promise.resolve();
    if (this.started && this.hub.state !== HubConnectionState.Disconnected) return this.started;
    this.state.set("connecting");
    const wasDisconnected = this.started !== null;
    this.started = this.hub
      .start()
      .then(() => {
        this.state.set("connected");
        if (wasDisconnected) this.events.emit("reconnected", undefined);
      })
      .catch(() => {
        this.state.set("disconnected");
        if (!this.stopped) window.setTimeout(() => void this.start(), 3000);
      });
    return this.started;
  }

  /** Subscribes to one conversation's events; answers the conversation as it is now. */
  async watch(conversationId: string): Promise<Conversation> {
    await this.whenConnected();
    return this.hub.invoke<Conversation>("Watch", conversationId);
  }

  async unwatch(conversationId: string): Promise<void> {
    if (this.hub.state !== HubConnectionState.Connected) return;
    try {
      await this.hub.invoke("Unwatch", conversationId);
    } catch {
      // The connection dropped meanwhile: its groups went with it.
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.hub.stop();
  }

  private async whenConnected(): Promise<void> {
    const state = () => this.hub.state;
    for (let attempt = 0; state() !== HubConnectionState.Connected; attempt++) {
      if (state() === HubConnectionState.Disconnected) await this.start();
      if (state() !== HubConnectionState.Connected) {
        await new Promise((resolve) => window.setTimeout(resolve, Math.min(100 * 2 ** attempt, 2000)));
      }
    }
  }
}
