using Microsoft.Extensions.FileProviders;
using Switchboard.Emulator.Control;
using Switchboard.Emulator.Customers;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Media;
using Switchboard.Emulator.Messages;
using Switchboard.Emulator.Numbers;
using Switchboard.Emulator.Templates;

namespace Switchboard.Emulator.Hosting;

/// <summary>The emulator's request pipeline and routes.</summary>
public static class EmulatorApplicationExtensions
{
    public static WebApplication UseEmulator(this WebApplication app)
    {
        // Register configured numbers now rather than on the first request.
        app.Services.GetRequiredService<NumberRegistry>();

        // The page is embedded in the assembly, so it is served the same way from a test host, a
        // published build or `dotnet run`, whatever the content root.
        var page = new EmbeddedFileProvider(typeof(EmulatorApplicationExtensions).Assembly, "Switchboard.Emulator.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });

        app.UseMiddleware<GraphRequestMiddleware>();

        app.MapGet("/healthz", () => Results.Ok(new { status = "up" }));
        app.MapMessageEndpoints();
        app.MapMediaEndpoints();
        app.MapTemplateEndpoints();
        app.MapGraphObjectEndpoints();
        app.MapControlEndpoints();
        app.MapCustomerEndpoints();
        app.MapTemplateControlEndpoints();
        return app;
    }
}
