using System.Net;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Hosting;

public sealed class When_probing_the_api(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Readyz_answers_200_when_postgres_and_redis_answer()
    {
        var response = await api.Anonymous().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_public_paths()
    {
        var document = JsonDocument.Parse(await api.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/tenants", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/login", out _));
    }
}
