using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Console;

/// <summary>Every Api node serves the built console from its own build folder, deep links included.</summary>
[Collection(ClusterCollection.Name)]
public sealed class When_a_node_serves_the_console(ClusterFixture cluster)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/chats")]
    [InlineData("/chats/some-conversation")]
    public async Task Each_node_answers_the_consoles_page(string path)
    {
        foreach (var node in new[] { cluster.ApiA, cluster.ApiB })
        {
            using var http = new HttpClient { BaseAddress = node.BaseAddress };

            var response = await http.GetAsync(path);

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_not_the_page()
    {
        using var http = new HttpClient { BaseAddress = cluster.ApiA.BaseAddress };

        var response = await http.GetAsync("/api/v1/no-such-resource");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
