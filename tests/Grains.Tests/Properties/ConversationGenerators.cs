using FsCheck;
using FsCheck.Fluent;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Tests.Properties;

/// <summary>What the properties are made of: customer messages, replies and time, in any order.</summary>
public static class ConversationGenerators
{
    public static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>A list generator whose counterexamples shrink by dropping steps.</summary>
    public static Arbitrary<T[]> ArrayOf<T>(Gen<T> element, int maxLength) =>
        Arb.From(
            from length in Gen.Choose(0, maxLength)
            from items in Gen.ArrayOf(element, length)
            select items,
            ShrinkByDropping);

    private static IEnumerable<T[]> ShrinkByDropping<T>(T[] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            yield return [.. items[..i], .. items[(i + 1)..]];
        }
    }

    public static Gen<MessageStatus> ProviderStatus { get; } =
        Gen.Elements(MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Read, MessageStatus.Played, MessageStatus.Failed);
}
