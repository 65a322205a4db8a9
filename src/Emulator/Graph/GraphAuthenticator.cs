using Switchboard.Emulator.Numbers;

namespace Switchboard.Emulator.Graph;

/// <summary>
/// Graph's access-token rules as the emulator plays them: no token → 104; a token no registered number
/// has → 190; a known token on an object it cannot see → 100/33 (Graph's "does not exist, cannot be
/// loaded due to missing permissions"); the phone number's own endpoints also need its own token (190).
/// </summary>
public sealed class GraphAuthenticator(NumberRegistry numbers)
{
    /// <summary><c>Authorization: Bearer …</c>, or Graph's <c>?access_token=</c> alternative (spec §0).</summary>
    public static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7)
        {
            return header[7..].Trim();
        }
        var query = request.Query["access_token"].ToString();
        return query.Length > 0 ? query : null;
    }

    /// <summary>The caller's token, or the 104/190 error to answer with.</summary>
    public GraphError? Authenticate(HttpRequest request, out string token)
    {
        token = ReadToken(request) ?? "";
        if (token.Length == 0)
        {
            return GraphErrors.MissingToken();
        }
        return numbers.IsKnownToken(token) ? null : GraphErrors.InvalidToken();
    }

    /// <summary>Authorises a call on <c>/{version}/{phone-number-id}/…</c>.</summary>
    public GraphError? AuthorizeNumber(HttpRequest request, string phoneNumberId, out BusinessNumber number)
    {
        number = null!;
        if (Authenticate(request, out var token) is { } error)
        {
            return error;
        }
        if (numbers.Find(phoneNumberId) is not { } found)
        {
            return GraphErrors.UnknownObject(phoneNumberId, request.Method);
        }
        if (found.Settings.AccessToken != token)
        {
            return GraphErrors.InvalidToken();
        }
        number = found;
        return null;
    }

    /// <summary>Authorises a call on <c>/{version}/{waba-id}/…</c>: the token must belong to one of the WABA's numbers.</summary>
    public GraphError? AuthorizeWaba(HttpRequest request, string wabaId)
    {
        if (Authenticate(request, out var token) is { } error)
        {
            return error;
        }
        return numbers.TokenCanAccessWaba(token, wabaId) ? null : GraphErrors.UnknownObject(wabaId, request.Method);
    }
}
