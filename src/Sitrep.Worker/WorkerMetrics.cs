using System.Globalization;
using System.Text;

namespace Sitrep.Worker;

/// <summary>
/// A worker's counters, thread-safe, and their Prometheus text exposition. Lag is the consumer's view on the server
/// (messages not yet delivered to any worker, and delivered but not yet acknowledged), refreshed by the worker.
/// </summary>
public sealed class WorkerMetrics(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _firstMessage;
    private long _lastDone;
    private long _cpuAtFirstMessage;
    private long _processed;
    private long _stored;
    private long _duplicates;
    private long _failed;
    private long _deadLettered;
    private long _returned;
    private long _storeErrors;
    private long _ticks;
    private long _pending = -1;
    private long _ackPending = -1;

    /// <summary>Articles acknowledged: stored (new or updated) or already stored.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    public long Stored => Interlocked.Read(ref _stored);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Failed attempts (an article that could not be read or extracted), retried until the last.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>In-flight articles given back (nak) at shutdown.</summary>
    public long Returned => Interlocked.Read(ref _returned);

    public long StoreErrors => Interlocked.Read(ref _storeErrors);

    /// <summary>Seconds spent extracting and storing acknowledged articles (summed over concurrent loops).</summary>
    public double BusySeconds => TimeSpan.FromTicks(Interlocked.Read(ref _ticks)).TotalSeconds;

    /// <summary>Messages in the stream not yet delivered to a worker (-1 before the first refresh).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Messages delivered to a worker and not yet acknowledged (-1 before the first refresh).</summary>
    public long AckPending => Interlocked.Read(ref _ackPending);

    /// <summary>When the first message was received (null before), for throughput over the active period.</summary>
    public DateTimeOffset? FirstMessageAt => Interlocked.Read(ref _firstMessage) is var t and not 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>When the last message was acknowledged (null before).</summary>
    public DateTimeOffset? LastDoneAt => Interlocked.Read(ref _lastDone) is var t and not 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>
    /// The process's CPU time (all threads) used since the first message was received: the cost of the work itself,
    /// without start-up and model loading, and whatever else shares the machine (zero before the first message).
    /// </summary>
    public TimeSpan CpuSinceFirstMessage => Interlocked.Read(ref _cpuAtFirstMessage) is var t and not 0 ? Environment.CpuUsage.TotalTime - TimeSpan.FromTicks(t) : TimeSpan.Zero;

    internal void MarkReceived()
    {
        if (Interlocked.CompareExchange(ref _firstMessage, _time.GetUtcNow().UtcTicks, 0) == 0)
        {
            Interlocked.Exchange(ref _cpuAtFirstMessage, Math.Max(1, Environment.CpuUsage.TotalTime.Ticks));
        }
    }

    internal void CountProcessed(bool stored, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _processed);
        Interlocked.Increment(ref stored ? ref _stored : ref _duplicates);
        Interlocked.Add(ref _ticks, elapsed.Ticks);
        Interlocked.Exchange(ref _lastDone, _time.GetUtcNow().UtcTicks);
    }

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    internal void CountDeadLettered() => Interlocked.Increment(ref _deadLettered);

    internal void CountReturned() => Interlocked.Increment(ref _returned);

    internal void CountStoreError() => Interlocked.Increment(ref _storeErrors);

    internal void SetLag(long pending, long ackPending)
    {
        Interlocked.Exchange(ref _pending, pending);
        Interlocked.Exchange(ref _ackPending, ackPending);
    }

    /// <summary>The Prometheus text format (version 0.0.4).</summary>
    public string ToPrometheusText()
    {
        var text = new StringBuilder();
        Counter(text, "sitrep_worker_processed_total", "Articles acknowledged (stored, or already stored).", Processed);
        Counter(text, "sitrep_worker_stored_total", "Articles stored new or as an update.", Stored);
        Counter(text, "sitrep_worker_duplicates_total", "Articles acknowledged that the store already had.", Duplicates);
        Counter(text, "sitrep_worker_failed_total", "Failed attempts at an article (read or extraction error).", Failed);
        Counter(text, "sitrep_worker_dead_lettered_total", "Articles sent to the dead-letter subject.", DeadLettered);
        Counter(text, "sitrep_worker_returned_total", "In-flight articles given back to the queue at shutdown.", Returned);
        Counter(text, "sitrep_worker_store_errors_total", "Store errors (the article was given back and retried).", StoreErrors);
        Counter(text, "sitrep_worker_busy_seconds_total", "Seconds spent extracting and storing acknowledged articles.", BusySeconds);
        Gauge(text, "sitrep_worker_pending_messages", "Messages of the stream not yet delivered to any worker (lag).", Pending);
        Gauge(text, "sitrep_worker_ack_pending_messages", "Messages delivered to workers and not yet acknowledged.", AckPending);
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, double value) => Write(text, name, help, "counter", value);

    private static void Gauge(StringBuilder text, string name, string help, double value) => Write(text, name, help, "gauge", value);

    private static void Write(StringBuilder text, string name, string help, string type, double value) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n')
            .Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
