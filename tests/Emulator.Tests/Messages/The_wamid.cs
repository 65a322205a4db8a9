using Switchboard.Emulator.Messages;

namespace Switchboard.Emulator.Tests.Messages;

public sealed class The_wamid
{
    [Fact]
    public void Of_an_outbound_message_has_the_structure_real_traffic_shows() =>
        Assert.Equal(
            "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBIwMTIzNDU2Nzg5QUJDREVGMDEA",
            Wamid.Create("16505551234", inbound: false, "0123456789ABCDEF01"));

    [Fact]
    public void Of_an_inbound_message_is_marked_as_user_to_business_and_fits_in_128_characters()
    {
        var wamid = Wamid.ForInbound("16505551234");
        var bytes = Convert.FromBase64String(wamid["wamid.".Length..]);

        Assert.Equal(0x12, bytes[3 + 11 + 3]);
        Assert.True(wamid.Length <= 128);
    }
}
