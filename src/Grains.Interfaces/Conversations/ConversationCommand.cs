using System.Text.Json.Serialization;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// Everything a conversation grain can be asked to do. Commands travel between nodes as JSON, so
/// the discriminator <c>type</c> is stable: never rename one.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
// Customer and first contact
[JsonDerivedType(typeof(StartWithTemplate), "start_with_template")]
[JsonDerivedType(typeof(ReceiveMessage), "receive_message")]
// Messages to the customer
[JsonDerivedType(typeof(SendMessage), "send_message")]
[JsonDerivedType(typeof(CancelHeldMessage), "cancel_held_message")]
// What the provider reports
[JsonDerivedType(typeof(RecordSent), "record_sent")]
[JsonDerivedType(typeof(RecordSendFailed), "record_send_failed")]
[JsonDerivedType(typeof(ApplyStatus), "apply_status")]
// Agents
[JsonDerivedType(typeof(Assign), "assign")]
[JsonDerivedType(typeof(AddParticipant), "add_participant")]
[JsonDerivedType(typeof(RemoveParticipant), "remove_participant")]
[JsonDerivedType(typeof(Leave), "leave")]
[JsonDerivedType(typeof(SetStatus), "set_status")]
[JsonDerivedType(typeof(SetLabels), "set_labels")]
[JsonDerivedType(typeof(AddNote), "add_note")]
[JsonDerivedType(typeof(MarkRead), "mark_read")]
// Scheduled messages
[JsonDerivedType(typeof(ScheduleMessage), "schedule_message")]
[JsonDerivedType(typeof(CancelScheduledMessage), "cancel_scheduled_message")]
// Bot
[JsonDerivedType(typeof(StartBot), "start_bot")]
[JsonDerivedType(typeof(AdvanceBot), "advance_bot")]
[JsonDerivedType(typeof(ExitBot), "exit_bot")]
// Timers that came due
[JsonDerivedType(typeof(CloseWindow), "close_window")]
[JsonDerivedType(typeof(EndSnooze), "end_snooze")]
[JsonDerivedType(typeof(TimeOutBot), "time_out_bot")]
[JsonDerivedType(typeof(SendScheduledMessage), "send_scheduled_message")]
[JsonDerivedType(typeof(DiscardExpiredStatuses), "discard_expired_statuses")]
[JsonDerivedType(typeof(IgnoreTimer), "ignore_timer")]
// The outbox's bookkeeping
[JsonDerivedType(typeof(BeginSendAttempt), "begin_send_attempt")]
[JsonDerivedType(typeof(RecordSendRetry), "record_send_retry")]
[JsonDerivedType(typeof(RecordReadReceiptDone), "record_read_receipt_done")]
[JsonDerivedType(typeof(RecordReadReceiptRetry), "record_read_receipt_retry")]
[JsonDerivedType(typeof(RecordMediaFetched), "record_media_fetched")]
[JsonDerivedType(typeof(RecordMediaFetchFailed), "record_media_fetch_failed")]
public abstract record ConversationCommand;
