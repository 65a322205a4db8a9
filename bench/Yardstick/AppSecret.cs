namespace Switchboard.Yardstick;

/// <summary>The one channel's app secret: the key of the webhooks' HMAC.</summary>
public sealed record AppSecret(string Value);
