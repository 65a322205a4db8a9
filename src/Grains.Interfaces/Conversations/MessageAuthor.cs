namespace Switchboard.Grains.Conversations;

/// <summary>
/// Who wrote a message or did an action: the kind and, where there is one, the id (agent id,
/// bot flow id, campaign id, API client id) and a display name as of that moment.
/// </summary>
public sealed record MessageAuthor(AuthorKind Kind, string? Id = null, string? Name = null)
{
    public static MessageAuthor Customer { get; } = new(AuthorKind.Customer);

    public static MessageAuthor System { get; } = new(AuthorKind.System);

    public static MessageAuthor Agent(string agentId, string? name = null) => new(AuthorKind.Agent, agentId, name);

    public static MessageAuthor Agent(AgentRef agent) => new(AuthorKind.Agent, agent.Id, agent.Name);

    public static MessageAuthor Bot(string flowId, string? name = null) => new(AuthorKind.Bot, flowId, name);

    public static MessageAuthor Campaign(string campaignId, string? name = null) => new(AuthorKind.Campaign, campaignId, name);

    public static MessageAuthor Api(string clientId, string? name = null) => new(AuthorKind.Api, clientId, name);

    /// <summary>How a system line names this author.</summary>
    public string Describe() => Kind switch
    {
        AuthorKind.Customer => "the customer",
        AuthorKind.System => "the system",
        AuthorKind.Agent => Name ?? Id ?? "an agent",
        AuthorKind.Bot => $"bot {Name ?? Id}",
        AuthorKind.Campaign => $"campaign {Name ?? Id}",
        AuthorKind.Api => $"API client {Name ?? Id}",
        _ => Name ?? Id ?? Kind.ToString(),
    };
}
