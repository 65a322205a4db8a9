// The agent's inbox: chat list | chat | function panel, like WhatsApp Web with a side panel.
import { useEffect, useMemo, useState } from "preact/hooks";
import { chatPath, navigate } from "../app/router";
import type { Session } from "../app/session";
import { ChatListStore } from "../chat-list/chat-list-store";
import { ChatList } from "../chat-list/ChatList";
import { ChatStore } from "../chat/chat-store";
import { ChatView } from "../chat/ChatView";
import { FunctionPanel } from "../panel/FunctionPanel";
import { NewConversationDialog } from "./NewConversationDialog";

export function InboxPage({ session, conversationId }: { session: Session; conversationId: string | undefined }) {
  const chatList = useMemo(() => new ChatListStore(session.directory, session.connection, session.me.id), [session]);
  useEffect(() => {
    void chatList.reload();
    return () => chatList.dispose();
  }, [chatList]);

  const chat = useMemo(() => (conversationId ? new ChatStore(conversationId, session.directory, session.connection) : null), [conversationId, session]);
  useEffect(() => {
    if (!chat) return;
    void chat.open();
    return () => chat.dispose();
  }, [chat]);

  const [starting, setStarting] = useState(false);

  return (
    <div class={`inbox ${chat ? "inbox-with-chat" : ""}`}>
      <ChatList
        store={chatList}
        session={session}
        selectedId={conversationId}
        onOpen={(id) => navigate(chatPath(id))}
        onNewConversation={() => setStarting(true)}
      />
      {chat ? (
        <>
          <ChatView key={chat.conversationId} store={chat} session={session} />
          <FunctionPanel key={`panel-${chat.conversationId}`} store={chat} session={session} />
        </>
      ) : (
        <section class="chat chat-placeholder" aria-label="Chat">
          <div class="placeholder-card">
            <span class="brand-mark brand-mark-large" aria-hidden="true" />
            <h2>Switchboard</h2>
            <p>Choose a chat on the left, or start a new conversation with a template.</p>
          </div>
        </section>
      )}
      {starting && (
        <NewConversationDialog
          session={session}
          onClose={() => setStarting(false)}
          onStarted={(id) => {
            setStarting(false);
            navigate(chatPath(id));
          }}
        />
      )}
    </div>
  );
}
