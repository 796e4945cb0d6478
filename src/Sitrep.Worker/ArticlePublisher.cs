using NATS.Client.JetStream;
using Sitrep.Articles;

namespace Sitrep.Worker;

/// <summary>What a publish did: queued, or dropped by the stream as a message id it has already seen.</summary>
public enum PublishStatus
{
    Queued,
    Duplicate,
}

/// <summary>
/// Publishes articles to the work-queue stream for <c>sitrep worker</c>s, one message per article with its content
/// hash as Nats-Msg-Id; waits for each acknowledgement from the server, so a returned article is persisted.
/// </summary>
public sealed class ArticlePublisher(INatsJSContext js, ArticleQueueOptions options)
{
    /// <summary>Creates the streams when missing; call once before publishing.</summary>
    public Task EnsureStreamsAsync(CancellationToken cancellationToken = default) => ArticleQueue.EnsureStreamsAsync(js, options, cancellationToken);

    public async Task<PublishStatus> PublishAsync(Article article, CancellationToken cancellationToken = default)
    {
        byte[] message = ArticleMessage.Write(article);
        return await PublishAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes a message as it is, e.g. one that is not an article at all (tests of the dead-letter path).</summary>
    public async Task<PublishStatus> PublishAsync(byte[] message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ack = await js.PublishAsync(
            options.Subject,
            message,
            opts: new NatsJSPubOpts { MsgId = ArticleMessage.MessageId(message) },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (ack.Duplicate)
        {
            return PublishStatus.Duplicate;
        }

        ack.EnsureSuccess();
        return PublishStatus.Queued;
    }
}
