using System.Diagnostics;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Sitrep.Articles;
using Sitrep.Storage;

namespace Sitrep.Worker;

/// <summary>How one worker process runs: its loops, its shutdown and when it stops by itself.</summary>
public sealed record ArticleWorkerOptions
{
    /// <summary>Articles processed at once by this worker (each loop pulls one message at a time).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>After a stop is asked, how long in-flight articles may take to finish before they are given back (nak).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Stop by itself once no message came for this long (batch runs and benchmarks); null: run until stopped.</summary>
    public TimeSpan? IdleExit { get; init; }

    /// <summary>How often the consumer's lag is read from the server for the metrics.</summary>
    public TimeSpan LagInterval { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// A stateless extraction worker: pulls one article at a time from the shared durable consumer, extracts and stores it
/// through <see cref="ArticleIngestor"/> (the path of <c>sitrep ingest</c>), then acknowledges it. Nothing is
/// acknowledged before it is committed, so a worker that dies loses nothing: its message comes back after the ack wait.
/// Workers in parallel need no lock: the store's put is idempotent, so an article delivered twice is stored once.
/// <list type="bullet">
/// <item>An article that cannot be read or extracted is given back with a delay and retried; at its
/// <see cref="ArticleQueueOptions.MaxDeliver"/>th delivery it is published to the dead-letter subject with its error
/// (header <c>Sitrep-Error</c>) and acknowledged. One delivered more often than that without an acknowledgement
/// (a worker crashed on it each time) goes there unprocessed.</item>
/// <item>A store error (database down) gives the article back and pauses this loop with backoff: every article would fail.</item>
/// <item>On stop, no new message is pulled; in-flight ones finish within <see cref="ArticleWorkerOptions.ShutdownTimeout"/>
/// or are given back at once.</item>
/// </list>
/// </summary>
public sealed class ArticleWorker(INatsJSContext js, ArticleIngestor ingestor, ArticleQueueOptions queue, ArticleWorkerOptions options, WorkerMetrics metrics, Action<string>? log = null)
{
    public const string ErrorHeader = "Sitrep-Error";
    public const string DeliveriesHeader = "Sitrep-Deliveries";
    public const string SequenceHeader = "Sitrep-Stream-Sequence";

    private static readonly TimeSpan PullExpiry = TimeSpan.FromSeconds(2);
    // The last time a loop finished a message (or the start): the idle exit counts from it while nothing is in flight.
    private long _lastMessage = Stopwatch.GetTimestamp();
    private int _inFlight;

    public WorkerMetrics Metrics => metrics;

    /// <summary>Runs until <paramref name="stopping"/> is cancelled (or idle for <see cref="ArticleWorkerOptions.IdleExit"/>), then drains.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        INatsJSConsumer consumer = await ArticleQueue.EnsureConsumerAsync(js, queue, stopping).ConfigureAwait(false);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var hardStop = new CancellationTokenSource();
        await using CancellationTokenRegistration grace = idle.Token.Register(() => hardStop.CancelAfter(options.ShutdownTimeout));

        Task lag = WatchLagAsync(consumer, idle);
        var loops = new Task[Math.Max(1, options.Concurrency)];
        for (int i = 0; i < loops.Length; i++)
        {
            loops[i] = Task.Run(() => LoopAsync(consumer, idle.Token, hardStop.Token), CancellationToken.None);
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
        await idle.CancelAsync().ConfigureAwait(false);
        await lag.ConfigureAwait(false);
    }

    private async Task LoopAsync(INatsJSConsumer consumer, CancellationToken stopping, CancellationToken hardStop)
    {
        var storeBackoff = TimeSpan.Zero;
        while (!stopping.IsCancellationRequested)
        {
            INatsJSMsg<byte[]>? next;
            try
            {
                next = await consumer.NextAsync<byte[]>(opts: new NatsJSNextOpts { Expires = PullExpiry }, cancellationToken: stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (next is not { } message)
            {
                continue;
            }

            Interlocked.Increment(ref _inFlight);
            metrics.MarkReceived();
            bool storeFailed;
            try
            {
                storeFailed = await HandleAsync(message, hardStop).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Exchange(ref _lastMessage, Stopwatch.GetTimestamp());
                Interlocked.Decrement(ref _inFlight);
            }

            storeBackoff = storeFailed ? TimeSpan.FromSeconds(Math.Clamp(storeBackoff.TotalSeconds * 2, 1, 30)) : TimeSpan.Zero;
            if (storeFailed)
            {
                try
                {
                    await Task.Delay(storeBackoff, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Processes one message; true when the store failed (the loop then backs off).</summary>
    private async Task<bool> HandleAsync(INatsJSMsg<byte[]> message, CancellationToken hardStop)
    {
        ulong delivered = message.Metadata?.NumDelivered ?? 1;
        ulong sequence = message.Metadata?.Sequence.Stream ?? 0;
        string origin = $"{queue.Stream}#{sequence}";
        if (delivered > (ulong)queue.MaxDeliver)
        {
            await DeadLetterAsync(message, origin, delivered, $"delivered {delivered} times without an acknowledgement: a worker stopped or crashed while processing it").ConfigureAwait(false);
            return false;
        }

        ArticleReadResult read = ArticleMessage.Read(message.Data ?? [], origin);
        long started = Stopwatch.GetTimestamp();
        IngestResult result;
        try
        {
            result = await ingestor.IngestAsync(read, hardStop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            await message.NakAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            metrics.CountReturned();
            log?.Invoke($"{origin}: given back at shutdown");
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            metrics.CountStoreError();
            log?.Invoke($"{origin}: store error, given back: {e.Message}");
            await message.NakAsync(new AckOpts { NakDelay = TimeSpan.FromSeconds(1) }, CancellationToken.None).ConfigureAwait(false);
            return true;
        }

        if (result.Status == IngestStatus.Failed)
        {
            metrics.CountFailed();
            string error = result.Error ?? "failed";
            if (delivered >= (ulong)queue.MaxDeliver)
            {
                await DeadLetterAsync(message, origin, delivered, error).ConfigureAwait(false);
            }
            else
            {
                log?.Invoke($"{origin}: attempt {delivered} of {queue.MaxDeliver} failed: {error}");
                await message.NakAsync(new AckOpts { NakDelay = RetryDelay(delivered) }, CancellationToken.None).ConfigureAwait(false);
            }

            return false;
        }

        // Double ack: the server confirms, so an article counted here is gone from the queue.
        await message.AckAsync(new AckOpts { DoubleAck = true }, CancellationToken.None).ConfigureAwait(false);
        metrics.CountProcessed(result.Status is IngestStatus.New or IngestStatus.Updated, Stopwatch.GetElapsedTime(started));
        return false;
    }

    /// <summary>Retries back off: 0.5 s, 1 s, 2 s … (at most 30 s), so a failing article does not spin.</summary>
    private static TimeSpan RetryDelay(ulong delivered) => TimeSpan.FromSeconds(Math.Min(30, 0.5 * Math.Pow(2, Math.Min(delivered - 1, 10))));

    private async Task DeadLetterAsync(INatsJSMsg<byte[]> message, string origin, ulong delivered, string error)
    {
        var headers = new NatsHeaders
        {
            [ErrorHeader] = OneLine(error),
            [DeliveriesHeader] = delivered.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [SequenceHeader] = (message.Metadata?.Sequence.Stream ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        byte[] data = message.Data ?? [];
        // The same id as the original, so a dead letter published twice (a crash between publish and ack) is kept once.
        var ack = await js.PublishAsync(queue.DeadLetterSubject, data, opts: new NatsJSPubOpts { MsgId = ArticleMessage.MessageId(data) }, headers: headers).ConfigureAwait(false);
        if (!ack.Duplicate)
        {
            ack.EnsureSuccess();
        }

        await message.AckAsync(new AckOpts { DoubleAck = true }, CancellationToken.None).ConfigureAwait(false);
        metrics.CountDeadLettered();
        log?.Invoke($"{origin}: dead-lettered after {delivered} deliveries: {error}");
    }

    private static string OneLine(string text)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= 1000 ? line : line[..1000];
    }

    /// <summary>Reads the consumer's lag for the metrics, and ends the run when it has been idle long enough.</summary>
    private async Task WatchLagAsync(INatsJSConsumer consumer, CancellationTokenSource idle)
    {
        TimeSpan tick = options.IdleExit is { } limit && limit < options.LagInterval ? TimeSpan.FromMilliseconds(Math.Max(100, limit.TotalMilliseconds / 4)) : options.LagInterval;
        long lastRefresh = 0;
        while (!idle.IsCancellationRequested)
        {
            if (lastRefresh == 0 || Stopwatch.GetElapsedTime(lastRefresh) >= options.LagInterval)
            {
                try
                {
                    await consumer.RefreshAsync(idle.Token).ConfigureAwait(false);
                    metrics.SetLag((long)consumer.Info.NumPending, consumer.Info.NumAckPending);
                    lastRefresh = Stopwatch.GetTimestamp();
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception e) when (e is NatsException)
                {
                    log?.Invoke($"lag not read: {e.Message}");
                }
            }

            if (options.IdleExit is { } idleExit && Volatile.Read(ref _inFlight) == 0 && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastMessage)) >= idleExit)
            {
                log?.Invoke($"idle for {idleExit.TotalSeconds:0.#} s: stopping");
                await idle.CancelAsync().ConfigureAwait(false);
                return;
            }

            try
            {
                await Task.Delay(tick, idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
