using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.History;
using Switchboard.Emulator.Hosting;

namespace Switchboard.Emulator.Numbers;

/// <summary>
/// The business numbers the emulator serves, by phone-number id. Numbers from configuration are
/// registered at start and again after every reset, so the demo's numbers survive a test reset.
/// </summary>
public sealed class NumberRegistry : IResettable
{
    private readonly ConcurrentDictionary<string, BusinessNumber> _numbers = new(StringComparer.Ordinal);
    private readonly IOptions<EmulatorOptions> _options;
    private readonly IOptions<HistoryOptions> _history;
    private readonly TimeProvider _time;

    public NumberRegistry(IOptions<EmulatorOptions> options, IOptions<HistoryOptions> history, TimeProvider time)
    {
        _options = options;
        _history = history;
        _time = time;
        RegisterConfiguredNumbers();
    }

    /// <summary>Registers or updates a number (idempotent by phone-number id); true when it was new.</summary>
    public (BusinessNumber Number, bool Created) Register(NumberSettings settings)
    {
        // TryAdd rather than GetOrAdd: GetOrAdd may run its factory for a caller that then loses the race,
        // and that caller must update the winner's settings, not report a creation that did not happen.
        var fresh = new BusinessNumber(settings, _history.Value.MaxEntriesPerNumber, _time);
        if (_numbers.TryAdd(settings.PhoneNumberId, fresh))
        {
            return (fresh, true);
        }
        var existing = _numbers[settings.PhoneNumberId];
        existing.Apply(settings);
        return (existing, false);
    }

    public BusinessNumber? Find(string phoneNumberId) => _numbers.GetValueOrDefault(phoneNumberId);

    public IReadOnlyList<BusinessNumber> All => [.. _numbers.Values.OrderBy(n => n.PhoneNumberId, StringComparer.Ordinal)];

    public IReadOnlyList<BusinessNumber> InWaba(string wabaId) => [.. All.Where(n => n.Settings.WabaId == wabaId)];

    /// <summary>Whether any number was registered with this access token (else Graph answers 190).</summary>
    public bool IsKnownToken(string token) => _numbers.Values.Any(n => n.Settings.AccessToken == token);

    /// <summary>Whether the token may act on the WABA: it belongs to one of the WABA's numbers.</summary>
    public bool TokenCanAccessWaba(string token, string wabaId) =>
        _numbers.Values.Any(n => n.Settings.WabaId == wabaId && n.Settings.AccessToken == token);

    public void Reset()
    {
        _numbers.Clear();
        RegisterConfiguredNumbers();
    }

    private void RegisterConfiguredNumbers()
    {
        foreach (var registration in _options.Value.Numbers)
        {
            Register(NumberSettings.From(registration));
        }
    }
}
