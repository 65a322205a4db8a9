using System.Text;

namespace Switchboard.Emulator.Webhooks;

/// <summary>What a webhook carries, for the delivery log.</summary>
public enum WebhookKind
{
    Messages,
    Statuses,
    TemplateStatus,
}

/// <summary>Where a webhook goes and the secret it is signed with.</summary>
public sealed record WebhookTarget(Uri Url, string AppSecret);

/// <summary>One attempt to POST a webhook: the HTTP status received, or why there was none.</summary>
public sealed record WebhookAttempt(int Number, DateTimeOffset StartedAt, double DurationMs, int? StatusCode, string? Error);

/// <summary>
/// One webhook body and its delivery attempts. The bytes are fixed when it is created and every attempt
/// (and every duplicate) sends them unchanged, signed once.
/// </summary>
public sealed class WebhookDelivery
{
    private readonly Lock _gate = new();
    private readonly List<WebhookAttempt> _attempts = [];
    private readonly TaskCompletionSource<bool> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebhookDelivery(long id, string phoneNumberId, WebhookKind kind, WebhookTarget target, byte[] body, DateTimeOffset createdAt)
    {
        Id = id;
        PhoneNumberId = phoneNumberId;
        Kind = kind;
        Target = target;
        Body = body;
        Signature = WebhookSignature.Compute(target.AppSecret, body);
        CreatedAt = createdAt;
    }

    public long Id { get; }
    public string PhoneNumberId { get; }
    public WebhookKind Kind { get; }
    public WebhookTarget Target { get; }
    public byte[] Body { get; }
    public string Signature { get; }
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Completes with true on the first HTTP 200, with false when the retries are exhausted.</summary>
    public Task<bool> Outcome => _outcome.Task;

    public bool Acknowledged => _outcome.Task.IsCompletedSuccessfully && _outcome.Task.GetAwaiter().GetResult();

    public string State => !_outcome.Task.IsCompleted ? "pending" : Acknowledged ? "acknowledged" : "abandoned";

    public string BodyText => Encoding.UTF8.GetString(Body);

    public IReadOnlyList<WebhookAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    public int AttemptCount
    {
        get
        {
            lock (_gate)
            {
                return _attempts.Count;
            }
        }
    }

    public void Record(WebhookAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }

    public void Complete(bool acknowledged) => _outcome.TrySetResult(acknowledged);
}
