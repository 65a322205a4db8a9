using Switchboard.Emulator.Hosting;

// A local stand-in for Meta's WhatsApp Cloud API: the Graph API surface, signed webhooks, a control
// API under /_emulator and the customers' page at /. See README.md.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddEmulator(builder.Configuration);

var app = builder.Build();
app.UseEmulator();
app.Run();

public partial class Program;
