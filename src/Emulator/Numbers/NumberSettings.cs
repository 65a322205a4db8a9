namespace Switchboard.Emulator.Numbers;

/// <summary>How the emulator treats free-form sends outside the customer-service window (spec §7.4).</summary>
public enum WindowFailureMode
{
    /// <summary>Meta's usual behaviour: 200, then a <c>failed</c> status webhook with 131047.</summary>
    Async,

    /// <summary>400 with 131047 in the response.</summary>
    Sync,
}

/// <summary>A registered number's settings with every default applied. Immutable; replaced on re-registration.</summary>
public sealed record NumberSettings(
    string PhoneNumberId,
    string WabaId,
    string DisplayPhoneNumber,
    string AccessToken,
    string AppSecret,
    Uri WebhookUrl,
    int ThroughputPerSecond,
    int PairRateBurst,
    WindowFailureMode WindowFailureMode,
    int TemplateApprovalDelayMs,
    TimeSpan SentDelay,
    TimeSpan DeliveredDelay,
    TimeSpan ReadDelay)
{
    public const int DefaultThroughputPerSecond = 80;
    public const int DefaultPairRateBurst = 45;
    public const int DefaultTemplateApprovalDelayMs = 2000;
    public const int DefaultSentDelayMs = 50;
    public const int DefaultDeliveredDelayMs = 100;
    public const int DefaultReadDelayMs = 300;

    /// <summary>Webhooks carry the display number as digits only (spec §7.2).</summary>
    public string DisplayPhoneNumberDigits { get; } = new([.. DisplayPhoneNumber.Where(char.IsAsciiDigit)]);

    /// <summary>Settings from a registration that passed <see cref="NumberRegistration.Validate"/>.</summary>
    public static NumberSettings From(NumberRegistration registration) => new(
        registration.PhoneNumberId!,
        registration.WabaId!,
        registration.DisplayPhoneNumber!,
        registration.AccessToken!,
        registration.AppSecret!,
        new Uri(registration.WebhookUrl!, UriKind.Absolute),
        registration.ThroughputPerSecond ?? DefaultThroughputPerSecond,
        registration.PairRateBurst ?? DefaultPairRateBurst,
        registration.WindowFailureMode == "sync" ? WindowFailureMode.Sync : WindowFailureMode.Async,
        registration.TemplateApprovalDelayMs ?? DefaultTemplateApprovalDelayMs,
        TimeSpan.FromMilliseconds(registration.StatusDelaysMs?.Sent ?? DefaultSentDelayMs),
        TimeSpan.FromMilliseconds(registration.StatusDelaysMs?.Delivered ?? DefaultDeliveredDelayMs),
        TimeSpan.FromMilliseconds(registration.StatusDelaysMs?.Read ?? DefaultReadDelayMs));
}
