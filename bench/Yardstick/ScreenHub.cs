using Microsoft.AspNetCore.SignalR;

namespace Switchboard.Yardstick;

/// <summary>The agent's screen connects here; the server only pushes.</summary>
public sealed class ScreenHub : Hub;
