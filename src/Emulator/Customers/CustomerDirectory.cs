using System.Collections.Concurrent;
using Switchboard.Emulator.Control;

namespace Switchboard.Emulator.Customers;

/// <summary>Customers by wa_id. They share one profile across business numbers, like a real WhatsApp user.</summary>
public sealed class CustomerDirectory : IResettable
{
    private readonly ConcurrentDictionary<string, CustomerProfile> _customers = new(StringComparer.Ordinal);

    public CustomerProfile Get(string waId) => _customers.GetValueOrDefault(waId) ?? new CustomerProfile(waId, null);

    public CustomerProfile Update(string waId, Func<CustomerProfile, CustomerProfile> change) =>
        _customers.AddOrUpdate(waId, id => change(new CustomerProfile(id, null)), (_, current) => change(current));

    public void Reset() => _customers.Clear();
}
