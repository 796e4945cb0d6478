using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Sitrep.Worker;

/// <summary>Creates the streams and the shared consumer when missing (idempotent: every publisher and worker calls it).</summary>
public static class ArticleQueue
{
    public static async Task EnsureStreamsAsync(INatsJSContext js, ArticleQueueOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(js);
        ArgumentNullException.ThrowIfNull(options);
        await js.CreateOrUpdateStreamAsync(
            new StreamConfig(options.Stream, [options.Subject])
            {
                Retention = StreamConfigRetention.Workqueue,
                Storage = StreamConfigStorage.File,
                DuplicateWindow = options.DuplicateWindow,
            },
            cancellationToken).ConfigureAwait(false);
        await js.CreateOrUpdateStreamAsync(
            new StreamConfig(options.DeadLetterStream, [options.DeadLetterSubject])
            {
                Retention = StreamConfigRetention.Limits,
                Storage = StreamConfigStorage.File,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The durable pull consumer with explicit acknowledgement that all workers share.</summary>
    public static async Task<INatsJSConsumer> EnsureConsumerAsync(INatsJSContext js, ArticleQueueOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(js);
        ArgumentNullException.ThrowIfNull(options);
        await EnsureStreamsAsync(js, options, cancellationToken).ConfigureAwait(false);
        return await js.CreateOrUpdateConsumerAsync(
            options.Stream,
            new ConsumerConfig(options.Consumer)
            {
                AckPolicy = ConsumerConfigAckPolicy.Explicit,
                AckWait = options.AckWait,
                // The worker counts attempts itself (delivery count in each message's metadata) and dead-letters;
                // the server must keep redelivering until it does, so no server-side limit.
                MaxDeliver = -1,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
