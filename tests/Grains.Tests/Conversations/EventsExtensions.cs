using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;

namespace Switchboard.Grains.Tests.Conversations;

public static class EventsExtensions
{
    public static T Single<T>(this Decision<ConversationEvent> decision) where T : ConversationEvent
    {
        Assert.False(decision.IsRejected, $"Rejected: {decision.Rejection}");
        return Assert.Single(decision.Events.OfType<T>());
    }

    public static IReadOnlyList<T> All<T>(this Decision<ConversationEvent> decision) where T : ConversationEvent =>
        decision.Events.OfType<T>().ToList();

    public static void IsRejectedWith(this Decision<ConversationEvent> decision, string code)
    {
        Assert.True(decision.IsRejected, $"Expected {code}, got events: {string.Join(", ", decision.Events)}");
        Assert.Equal(code, decision.Rejection!.Code);
        Assert.Empty(decision.Events);
    }

    public static void ChangesNothing(this Decision<ConversationEvent> decision)
    {
        Assert.False(decision.IsRejected, $"Rejected: {decision.Rejection}");
        Assert.Empty(decision.Events);
    }

    public static string SystemLine(this IEnumerable<ConversationEvent> events) =>
        ((Switchboard.Grains.Messages.SystemContent)Assert.Single(events.OfType<SystemMessageAdded>()).Message.Content).Body;
}
