using System.Text.Json.Serialization;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// Everything a conversation grain can be asked to do. The discriminator <c>type</c> is stable:
/// commands may be stored (queued work, reminders turned into commands), so never rename one.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
// Customer and first contact
[JsonDerivedType(typeof(StartWithTemplate), "start_with_template")]
[JsonDerivedType(typeof(ReceiveMessage), "receive_message")]
// Messages to the customer
[JsonDerivedType(typeof(SendMessage), "send_message")]
[JsonDerivedType(typeof(CancelHeldMessage), "cancel_held_message")]
// What the silo and the provider report
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
// Fired reminders
[JsonDerivedType(typeof(CloseWindow), "close_window")]
[JsonDerivedType(typeof(EndSnooze), "end_snooze")]
[JsonDerivedType(typeof(TimeOutBot), "time_out_bot")]
[JsonDerivedType(typeof(SendScheduledMessage), "send_scheduled_message")]
[JsonDerivedType(typeof(DiscardExpiredStatuses), "discard_expired_statuses")]
[JsonDerivedType(typeof(IgnoreReminder), "ignore_reminder")]
public abstract record ConversationCommand;
