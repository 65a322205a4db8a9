using Npgsql;
using Switchboard.Yardstick;

// The yardstick of the inbound path: a bare app doing only what any webhook-to-screen path
// must — read the webhook, check its HMAC, parse it, one INSERT per message into PostgreSQL
// (default durability), one SignalR message to the connected clients. No auth, no grains, no
// outbox, no Redis: whatever the product costs beyond this is the price of its guarantees.
// Settings: Yardstick:ConnectionString, Yardstick:AppSecret.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(builder.Configuration["Yardstick:ConnectionString"]
    ?? throw new InvalidOperationException("Yardstick:ConnectionString is required.")));
builder.Services.AddSingleton(new AppSecret(builder.Configuration["Yardstick:AppSecret"]
    ?? throw new InvalidOperationException("Yardstick:AppSecret is required.")));
builder.Services.AddSignalR();

var app = builder.Build();
await InboundMessages.CreateTableAsync(app.Services.GetRequiredService<NpgsqlDataSource>());
app.MapGet("/healthz", () => Results.Ok());
app.MapPost("/webhooks/whatsapp", InboundWebhook.ReceiveAsync);
app.MapHub<ScreenHub>("/hubs/inbox");
app.Run();
