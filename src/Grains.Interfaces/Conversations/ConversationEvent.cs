using System.Text.Json.Serialization;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// What happened to a conversation. Events are projected into the conversation and message tables
/// in the turn that commits them, pushed to agents' screens, and fill the outbox (a
/// <see cref="MessageQueued"/> is a send); they travel between nodes as JSON, so the discriminator
/// <c>type</c> is stable: never rename one.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
// Lifecycle
[JsonDerivedType(typeof(ConversationStarted), "conversation_started")]
[JsonDerivedType(typeof(ConversationStatusChanged), "conversation_status_changed")]
// The customer and the window
[JsonDerivedType(typeof(MessageReceived), "message_received")]
[JsonDerivedType(typeof(WindowOpened), "window_opened")]
[JsonDerivedType(typeof(WindowClosed), "window_closed")]
[JsonDerivedType(typeof(ConversationRead), "conversation_read")]
// Messages to the customer
[JsonDerivedType(typeof(MessageQueued), "message_queued")]
[JsonDerivedType(typeof(MessageHeld), "message_held")]
[JsonDerivedType(typeof(HeldMessageCancelled), "held_message_cancelled")]
// Delivery
[JsonDerivedType(typeof(MessageSent), "message_sent")]
[JsonDerivedType(typeof(MessageStatusChanged), "message_status_changed")]
[JsonDerivedType(typeof(StatusDeferred), "status_deferred")]
[JsonDerivedType(typeof(DeferredStatusesDiscarded), "deferred_statuses_discarded")]
// Timeline lines for agents only
[JsonDerivedType(typeof(SystemMessageAdded), "system_message_added")]
[JsonDerivedType(typeof(NoteAdded), "note_added")]
// Agents
[JsonDerivedType(typeof(AssigneeChanged), "assignee_changed")]
[JsonDerivedType(typeof(ParticipantAdded), "participant_added")]
[JsonDerivedType(typeof(ParticipantRemoved), "participant_removed")]
[JsonDerivedType(typeof(AgentLeft), "agent_left")]
[JsonDerivedType(typeof(LabelsChanged), "labels_changed")]
// Scheduled messages
[JsonDerivedType(typeof(MessageScheduled), "message_scheduled")]
[JsonDerivedType(typeof(ScheduledMessageCancelled), "scheduled_message_cancelled")]
[JsonDerivedType(typeof(ScheduledMessageFailed), "scheduled_message_failed")]
// Bot
[JsonDerivedType(typeof(BotStarted), "bot_started")]
[JsonDerivedType(typeof(BotAdvanced), "bot_advanced")]
[JsonDerivedType(typeof(BotTimedOut), "bot_timed_out")]
[JsonDerivedType(typeof(BotExited), "bot_exited")]
// The outbox's bookkeeping (no sequence number, no screen)
[JsonDerivedType(typeof(SendAttemptStarted), "send_attempt_started")]
[JsonDerivedType(typeof(SendRetryScheduled), "send_retry_scheduled")]
[JsonDerivedType(typeof(ReadReceiptSettled), "read_receipt_settled")]
[JsonDerivedType(typeof(ReadReceiptRetryScheduled), "read_receipt_retry_scheduled")]
[JsonDerivedType(typeof(InboundHeldBack), "inbound_held_back")]
[JsonDerivedType(typeof(InboundMediaCopied), "inbound_media_copied")]
[JsonDerivedType(typeof(InboundMediaRetryScheduled), "inbound_media_retry_scheduled")]
[JsonDerivedType(typeof(InboundMediaAbandoned), "inbound_media_abandoned")]
public abstract record ConversationEvent;
