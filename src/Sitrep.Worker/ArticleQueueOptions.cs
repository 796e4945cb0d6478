namespace Sitrep.Worker;

/// <summary>
/// Where articles wait and where poison ones go: a JetStream work-queue stream (each message is removed once one
/// worker acknowledges it), a durable pull consumer shared by every worker, and a dead-letter stream. The defaults
/// are what <c>sitrep ingest --to</c> and <c>sitrep worker</c> agree on; tests give each run its own names.
/// </summary>
public sealed record ArticleQueueOptions
{
    /// <summary>The work-queue stream holding articles not yet stored.</summary>
    public string Stream { get; init; } = "SITREP_ARTICLES";

    /// <summary>The subject articles are published on (the stream's only subject).</summary>
    public string Subject { get; init; } = "sitrep.articles";

    /// <summary>The stream that keeps dead letters (limits retention: nothing removes them but an operator).</summary>
    public string DeadLetterStream { get; init; } = "SITREP_DEAD";

    /// <summary>The subject a poison article is republished on, with its error in the <c>Sitrep-Error</c> header.</summary>
    public string DeadLetterSubject { get; init; } = "sitrep.dead.articles";

    /// <summary>The durable consumer every worker pulls from: N workers share it, each message goes to one of them.</summary>
    public string Consumer { get; init; } = "sitrep-workers";

    /// <summary>
    /// How long a delivered message may stay unacknowledged before the server gives it to another worker: the
    /// redelivery delay after a worker crash. Longer than the slowest article's extraction, or it is processed twice
    /// (harmless: the store keeps it once, but the work is wasted).
    /// </summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Attempts at one article before it goes to the dead-letter subject: extraction failures and deliveries that were
    /// never acknowledged (a worker that crashed on it) count; the consumer itself redelivers without limit.
    /// </summary>
    public int MaxDeliver { get; init; } = 5;

    /// <summary>How long the stream remembers a message id to drop a republished article (Nats-Msg-Id).</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromHours(24);
}
