using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Sitrep.Mentions.Places;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with foreign keys on. One writer connection (writes are
/// serialised, each article in its own IMMEDIATE transaction), and a pooled connection per read, so readers
/// see the last committed articles while a write goes on. The schema is migrated on first use.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private const int SqliteConstraintError = 19;

    /// <summary>Documents committed between two checkpoints beside the writer (a few MB of log).</summary>
    private const int CheckpointEvery = 64;

    private readonly string _connectionString;
    private readonly string _unpooledConnectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _readyLock = new(1, 1);

    // The native connections already given the pragmas below: a pooled connection keeps them, so a read pays for them once
    // per native connection, not once per request.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];
    private SqliteConnection? _writer;
    private SqliteDocumentWriter? _rows;
    private bool _ready;
    private bool _disposed;

    // The checkpoint running beside the writer (see OpenWriterAsync), and the documents committed since the last began.
    private Task _checkpoint = Task.CompletedTask;
    private int _sinceCheckpoint;

    public SqliteDocumentStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Location = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        _connectionString = builder.ToString();
        builder.Pooling = false;
        _unpooledConnectionString = builder.ToString();
    }

    public string Location { get; }

    /// <summary>The newest schema version this build knows.</summary>
    public static int SchemaVersion => SqliteMigrator.LatestVersion;

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _readyLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            MigrationResult result;
            await using (SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                result = SqliteMigrator.Migrate(connection);
            }

            await SignUnsignedAsync(cancellationToken).ConfigureAwait(false);
            _ready = true;
            return result;
        }
        finally
        {
            _readyLock.Release();
        }
    }

    public async Task<IngestResult> PutAsync(StoredDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return (await PutManyAsync([document], cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<IReadOnlyList<IngestResult>> PutManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        // Compressing the JSON needs no database: callers putting at once do it side by side, before the writer, and
        // a batch's documents are compressed on every core.
        var stored = new (byte[] Bytes, string Encoding)[documents.Count];
        Parallel.For(0, documents.Count, i => stored[i] = DocumentCodec.Encode(documents[i].Json));
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is null)
            {
                _writer = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
                _rows = new SqliteDocumentWriter(_writer);
            }

            // IMMEDIATE: take the write lock before reading an article's hash, so two processes putting the same
            // article cannot both see it missing.
            using SqliteTransaction transaction = _writer.BeginTransaction(deferred: false);
            var results = new IngestResult[documents.Count];
            bool written = false;

            // A savepoint lets one refused document of a batch fail alone. A single document needs none (the whole
            // transaction is rolled back instead), and a savepoint costs: SQLite copies every page the article changes
            // into a statement journal first.
            bool savepoints = documents.Count > 1, committed = false;
            try
            {
                for (int i = 0; i < documents.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (savepoints)
                    {
                        transaction.Save("article");
                    }

                    try
                    {
                        results[i] = _rows!.Put(documents[i], stored[i], transaction);
                        if (savepoints)
                        {
                            transaction.Release("article");
                        }

                        written |= results[i].Status != IngestStatus.Duplicate;
                    }
                    catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraintError)
                    {
                        // A document the schema refuses (two entities with one id …) fails alone; the others go on.
                        if (savepoints)
                        {
                            transaction.Rollback("article");
                            transaction.Release("article");
                            _rows!.Forget();
                        }

                        results[i] = IngestResult.Failure(documents[i].ArticleId, $"refused by the store: {e.Message}");
                    }
                }

                if (written)
                {
                    transaction.Commit();
                    committed = true;
                    _sinceCheckpoint += documents.Count;
                    if (_sinceCheckpoint >= CheckpointEvery && _checkpoint.IsCompleted)
                    {
                        _sinceCheckpoint = 0;
                        _checkpoint = Task.Run(CheckpointAsync, CancellationToken.None);
                    }
                }
                else
                {
                    transaction.Rollback();
                }
            }
            finally
            {
                // What the writer remembers of the rows it wrote holds only once they are committed.
                if (!committed)
                {
                    _rows!.Forget();
                }
            }

            return results;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Articles stored before schema 2 have no near-duplicate signature: signs them, oldest first, 100 per
    /// transaction, so a store upgraded with months of articles finds copies among them too. A no-op afterwards.
    /// </summary>
    private async Task SignUnsignedAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is null)
            {
                _writer = await OpenWriterAsync(cancellationToken).ConfigureAwait(false);
                _rows = new SqliteDocumentWriter(_writer);
            }

            int signed;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                using SqliteTransaction transaction = _writer.BeginTransaction(deferred: false);
                try
                {
                    signed = _rows!.SignUnsigned(transaction);
                    transaction.Commit();
                }
                catch
                {
                    _rows!.Forget();
                    throw;
                }
            }
            while (signed > 0);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<string?> GetJsonAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT document, document_encoding FROM articles WHERE id = $id;";
        command.Parameters.AddWithValue("$id", articleId);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? DocumentCodec.Decode((byte[])reader.GetValue(0), reader.GetString(1))
            : null;
    }

    public async Task<IReadOnlyList<ArticleSummary>> FindArticlesAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT a.id, a.title, a.url, a.source, a.language, a.published, a.sentence_count, a.entity_count, a.event_count, a.content_hash, ")
            .Append("a.duplicate_of, a.duplicate_similarity FROM ");
        string order = "a.published_day DESC, a.id";
        if (query.Text is not null)
        {
            string? match = FullTextQuery.ToFts5(query.Text);
            if (match is null)
            {
                return [];
            }

            sql.Append("articles_fts JOIN articles a ON a.key = articles_fts.rowid WHERE articles_fts MATCH $match");
            command.Parameters.AddWithValue("$match", match);
            order = "articles_fts.rank, a.id";
        }
        else
        {
            sql.Append("articles a WHERE 1 = 1");
        }

        AddDayRange(sql, command, "a.published_day", "a.published_day", query.Since, query.Until);
        if (query.Language is not null)
        {
            sql.Append(" AND a.language = $language");
            command.Parameters.AddWithValue("$language", query.Language.ToLowerInvariant());
        }

        if (query.Source is not null)
        {
            sql.Append(" AND a.source = $source");
            command.Parameters.AddWithValue("$source", query.Source);
        }

        if (query.CollapseDuplicates)
        {
            sql.Append(" AND a.duplicate_of IS NULL");
        }

        if (query.DuplicatesOf is not null)
        {
            sql.Append(" AND a.duplicate_of = $duplicateOf");
            command.Parameters.AddWithValue("$duplicateOf", query.DuplicatesOf);
        }

        sql.Append(" ORDER BY ").Append(order);
        AddPage(sql, command, query.Limit, query.Offset);
        command.CommandText = sql.ToString();

        var articles = new List<ArticleSummary>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            articles.Add(StoreRows.ReadArticleSummary(reader));
        }

        return articles;
    }

    public async Task<IReadOnlyList<EventRecord>> FindEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        // The filters other than the date, the same for both parts of a dated query.
        var sql = new StringBuilder();
        if (query.Type is not null)
        {
            sql.Append(" AND e.type = $type");
            command.Parameters.AddWithValue("$type", query.Type.ToUpperInvariant());
        }

        if (query.Modality is not null)
        {
            sql.Append(" AND e.modality = $modality");
            command.Parameters.AddWithValue("$modality", query.Modality.ToLowerInvariant());
        }

        if (query.Country is not null)
        {
            string country = query.Country.ToUpperInvariant();
            sql.Append(country.Length switch
            {
                2 => " AND e.country = $country",
                3 => " AND EXISTS (SELECT 1 FROM event_participants p WHERE p.article = e.article AND p.event = e.id AND p.country = $country)",
                _ => throw new ArgumentException($"country '{query.Country}' is neither ISO 3166-1 alpha-2 (UA) nor alpha-3 (RUS)", nameof(query)),
            });
            command.Parameters.AddWithValue("$country", country);
        }

        if (query.Actor is not null)
        {
            sql.Append("""
                 AND EXISTS (SELECT 1 FROM event_participants p LEFT JOIN entities n ON n.article = p.article AND n.id = p.entity
                             WHERE p.article = e.article AND p.event = e.id AND p.role = 'actor'
                               AND (p.text LIKE $actor ESCAPE '\' OR n.name LIKE $actor ESCAPE '\'))
                """);
            command.Parameters.AddWithValue("$actor", Like(query.Actor));
        }

        if (query.Place is not null)
        {
            sql.Append(@" AND (e.location_text LIKE $place ESCAPE '\' OR e.place_name LIKE $place ESCAPE '\')");
            command.Parameters.AddWithValue("$place", Like(query.Place));
        }

        if (query.ArticleId is not null)
        {
            sql.Append(" AND a.id = $article");
            command.Parameters.AddWithValue("$article", query.ArticleId);
        }

        if (query.Text is not null)
        {
            string? match = FullTextQuery.ToFts5(query.Text);
            if (match is null)
            {
                return [];
            }

            sql.Append(" AND e.article IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH $match)");
            command.Parameters.AddWithValue("$match", match);
        }

        if (query.Near is GeoPoint near)
        {
            AddRadius(sql, command, connection, near, query.RadiusKm);
        }

        if (!query.Unmerged)
        {
            // Each merged event once: its first report (the root), which every listing index carries the flag of.
            sql.Append(" AND e.merged = 0");
        }

        if (query.Until is DateOnly until)
        {
            sql.Append(" AND e.first_day <= $until");
            command.Parameters.AddWithValue("$until", Day(until));
        }

        // The page's keys first, from the listing index alone where the filters allow (day, place, coordinates and the
        // merged flag are in its entries): a WITHOUT ROWID table is otherwise read for every entry of the window before
        // a filter on an indexed column drops it. Then only the page's rows are read, in the outer statement.
        // (The death count is read only to sort by it: it is in no listing index.)
        string pageKeys = $"SELECT e.article AS k_article, e.id AS k_id, a.id AS k_public, e.first_day AS k_day, {(query.Sort == EventSort.Dead ? "e.dead_best" : "NULL")} AS k_dead FROM ";
        const string keyTables = "events e JOIN articles a ON a.key = e.article";
        string filters = sql.ToString();
        string tables = ListingIndex(query) is string index ? keyTables.Replace("events e ", $"events e INDEXED BY {index} ", StringComparison.Ordinal) : keyTables;
        sql.Clear().Append(pageKeys).Append(tables).Append(" WHERE 1 = 1").Append(filters);
        if (query.Since is DateOnly from)
        {
            // A dated event matches when the days its value covers overlap [since, until]. An event covering a week at
            // most starts no earlier than since - 6 days: an exact range on first_day. The few covering more (a month,
            // a year: long_span) start no earlier than since - 366 days and come from their own partial index. The two
            // parts are disjoint and each is read in first_day order, so SQLite merges them without sorting the window.
            sql.Append(" AND e.last_day >= $since AND e.first_day >= $short_floor UNION ALL ").Append(pageKeys)
                .Append(keyTables.Replace("events e ", "events e INDEXED BY events_long_days ", StringComparison.Ordinal))
                .Append(" WHERE 1 = 1").Append(filters)
                .Append(" AND e.long_span = 1 AND e.last_day >= $since AND e.first_day >= $long_floor AND e.first_day < $short_floor");
            command.Parameters.AddWithValue("$since", Day(from));
            command.Parameters.AddWithValue("$short_floor", Day(from.AddDays(-StoreRows.ShortSpanDays)));
            command.Parameters.AddWithValue("$long_floor", Day(from.AddDays(-366)));
        }

        // A compound statement sorts by result columns, so both orders name the key columns.
        string order = query.Sort switch
        {
            // SQLite sorts nulls first, so descending puts undated events and unknown counts last, as the index is read.
            EventSort.DateDescending => "k_day DESC, k_public, k_id",
            EventSort.Dead => "k_dead DESC, k_day DESC, k_public, k_id",
            _ => "k_day, k_public, k_id",
        };
        sql.Append(" ORDER BY ").Append(order);
        AddPage(sql, command, query.Limit, query.Offset);
        command.CommandText = $"""
            SELECT {StoreRows.EventColumns}, e.article FROM ({sql.ToString().TrimEnd(';')}) k
            JOIN events e ON e.article = k.k_article AND e.id = k.k_id
            JOIN articles a ON a.key = e.article LEFT JOIN places pl ON pl.article = e.article AND pl.id = e.location_place
            ORDER BY {order};
            """;

        var rows = new List<(EventRecord Event, long Article)>();
        await using (SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((StoreRows.ReadEvent(reader), reader.GetInt64(StoreRows.EventColumnCount)));
            }
        }

        // The participants of the whole page in one statement (by article key, the table's primary key prefix),
        // not one per event.
        var byEvent = new Dictionary<(long Article, string Event), (ImmutableArray<ParticipantRecord>.Builder Actors, ImmutableArray<ParticipantRecord>.Builder Recipients)>();
        foreach ((EventRecord e, long article) in rows)
        {
            byEvent[(article, e.EventId)] = (ImmutableArray.CreateBuilder<ParticipantRecord>(), ImmutableArray.CreateBuilder<ParticipantRecord>());
        }

        if (rows.Count > 0)
        {
            await using SqliteCommand participants = connection.CreateCommand();
            var keys = rows.Select(r => r.Article).Distinct().ToArray();
            var names = new string[keys.Length];
            for (int i = 0; i < keys.Length; i++)
            {
                names[i] = "$a" + i.ToString(CultureInfo.InvariantCulture);
                participants.Parameters.AddWithValue(names[i], keys[i]);
            }

            participants.CommandText = $"SELECT article, event, role, text, country, sector FROM event_participants WHERE article IN ({string.Join(", ", names)}) ORDER BY article, event, role, ord;";
            await using SqliteDataReader reader = await participants.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (byEvent.TryGetValue((reader.GetInt64(0), reader.GetString(1)), out var lists))
                {
                    var participant = new ParticipantRecord(reader.GetString(3), reader.NullableString(4), reader.NullableString(5));
                    (string.Equals(reader.GetString(2), "actor", StringComparison.Ordinal) ? lists.Actors : lists.Recipients).Add(participant);
                }
            }
        }

        Dictionary<(string Article, string Event), ImmutableArray<EventReportRecord>.Builder> reports = query.Unmerged || rows.Count == 0
            ? []
            : await ReadReportsAsync(connection, rows.Select(r => r.Event), cancellationToken).ConfigureAwait(false);
        var events = new List<EventRecord>(rows.Count);
        foreach ((EventRecord e, long article) in rows)
        {
            var lists = byEvent[(article, e.EventId)];
            EventRecord record = e with { Actors = lists.Actors.ToImmutable(), Recipients = lists.Recipients.ToImmutable() };
            if (!query.Unmerged)
            {
                IEnumerable<EventReportRecord> merged = reports.TryGetValue((e.ArticleId, e.EventId), out var found) ? found : [];
                record = record with { Reports = [StoreRows.OwnReport(record), .. merged] };
                record = record with { Sources = record.Reports.Length };
            }

            events.Add(record);
        }

        return events;
    }

    /// <summary>
    /// The reports merged into each of <paramref name="roots"/>, in the order they were stored, in one statement: one
    /// index search per root (a row-value IN list would scan the whole index, to save sorting by article).
    /// </summary>
    private static async Task<Dictionary<(string Article, string Event), ImmutableArray<EventReportRecord>.Builder>> ReadReportsAsync(
        SqliteConnection connection, IEnumerable<EventRecord> roots, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        var pairs = new List<string>();
        foreach (EventRecord root in roots)
        {
            string n = pairs.Count.ToString(CultureInfo.InvariantCulture);
            pairs.Add($"($ra{n}, $re{n})");
            command.Parameters.AddWithValue("$ra" + n, root.ArticleId);
            command.Parameters.AddWithValue("$re" + n, root.EventId);
        }

        command.CommandText = $"""
            SELECT e.merged_article, e.merged_event, {StoreRows.ReportColumns}
            FROM (VALUES {string.Join(", ", pairs)}) AS r
            CROSS JOIN events e INDEXED BY events_merged_into JOIN articles a ON a.key = e.article
            WHERE e.merged = 1 AND e.merged_article = r.column1 AND e.merged_event = r.column2
            ORDER BY e.article, e.trigger_start, e.id;
            """;
        var reports = new Dictionary<(string Article, string Event), ImmutableArray<EventReportRecord>.Builder>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            (string, string) root = (reader.GetString(0), reader.GetString(1));
            if (!reports.TryGetValue(root, out var list))
            {
                reports[root] = list = ImmutableArray.CreateBuilder<EventReportRecord>();
            }

            list.Add(StoreRows.ReadReport(reader, 2));
        }

        return reports;
    }

    public async Task<IReadOnlyList<EntitySummary>> FindEntitiesAsync(NameQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        var sql = new StringBuilder("""
            SELECT n.name, n.type, n.country, COUNT(*) AS articles,
                   SUM((SELECT COUNT(*) FROM entity_mentions m WHERE m.article = n.article AND m.entity = n.id))
            FROM entities n WHERE 1 = 1
            """);
        AddNameFilters(sql, command, query, "n", withType: true);
        sql.Append(" GROUP BY n.name, n.type, n.country ORDER BY articles DESC, n.name, n.type, n.country");
        AddPage(sql, command, query.Limit, query.Offset);
        command.CommandText = sql.ToString();
        var entities = new List<EntitySummary>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entities.Add(StoreRows.ReadEntity(reader));
        }

        return entities;
    }

    public async Task<IReadOnlyList<PlaceSummary>> FindPlacesAsync(NameQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        var sql = new StringBuilder("""
            SELECT p.name, p.country, MAX(p.admin1), p.geonames_id, MAX(p.lat), MAX(p.lon), MAX(p.precision), COUNT(*) AS articles,
                   SUM((SELECT COUNT(*) FROM events e WHERE e.article = p.article AND e.location_place = p.id))
            FROM places p WHERE 1 = 1
            """);
        AddNameFilters(sql, command, query, "p", withType: false);
        sql.Append(" GROUP BY p.name, p.country, p.geonames_id ORDER BY articles DESC, p.name, p.country, p.geonames_id");
        AddPage(sql, command, query.Limit, query.Offset);
        command.CommandText = sql.ToString();
        var places = new List<PlaceSummary>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            places.Add(StoreRows.ReadPlace(reader));
        }

        return places;
    }

    public async Task<StoreSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COALESCE(MAX(version), 0) FROM schema_version), (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM sentences),
                   (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM places), (SELECT COUNT(*) FROM times),
                   (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM events);
            """;
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreSummary(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
    }

    /// <summary>
    /// Runs <c>PRAGMA integrity_check</c> on a fresh, unpooled connection: "ok", or the problems SQLite found.
    /// Not a pooled one: a connection that has searched keeps FTS5's cached index structure, and the FTS5
    /// integrity check does not refresh it (queries do), so once another process has merged index segments
    /// it reports them missing. The crash test found this: the file was sound, the old connection's view was not.
    /// </summary>
    public async Task<string> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        await using SqliteConnection connection = await OpenAsync(cancellationToken, pooled: false).ConfigureAwait(false);
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _checkpoint.ConfigureAwait(false);
            _rows?.Dispose();
            if (_writer is not null)
            {
                await _writer.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (!Volatile.Read(ref _ready))
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Copies the committed pages of the write-ahead log into the database file on a connection of its own, beside the
    /// writer (a passive checkpoint waits for no one and stops no one), so the writer does not stall on it: storing 1,000
    /// documents took 2.3–2.9 s of writer time with SQLite's own checkpoints on commit, 1.8 s without (docs/BENCHMARKS.md).
    /// A failure is left to the next one, and to the writer's own checkpoint past <c>wal_autocheckpoint</c>.
    /// </summary>
    private async Task CheckpointAsync()
    {
        try
        {
            await using SqliteConnection connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // Busy or locked by another process's checkpoint: the next one, or the writer's own, will do it.
        }
    }

    /// <summary>
    /// The writer connection, with two settings of its own. temp_store = MEMORY: the statement journals of a write (the
    /// pages a statement or a batch's savepoint may have to undo) stay in memory instead of a temporary file per
    /// transaction. wal_autocheckpoint = 65536 pages (256 MiB, default 1000): checkpoints run beside the writer every
    /// <see cref="CheckpointEvery"/> documents (<see cref="CheckpointAsync"/>); the writer checkpoints itself only
    /// when they fall that far behind.
    /// </summary>
    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        SqliteConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using SqliteCommand pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 65536;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken, bool pooled = true)
    {
        var connection = new SqliteConnection(pooled ? _connectionString : _unpooledConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (connection.Handle is not SQLitePCL.sqlite3 handle || _configured.TryGetValue(handle, out _))
            {
                return connection;
            }

            await using SqliteCommand pragmas = connection.CreateCommand();
            // NORMAL in WAL mode: a killed process loses no committed transaction; only a power cut can lose the last ones.
            // Reads through a memory map (256 MiB) and a 32 MiB page cache per pooled connection: a page of events or
            // articles already read costs no system call, which is most of a filtered query's time on a large store.
            pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA mmap_size = 268435456; PRAGMA cache_size = -32768;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _configured.AddOrUpdate(handle, handle);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void AddDayRange(StringBuilder sql, SqliteCommand command, string lastColumn, string firstColumn, DateOnly? since, DateOnly? until)
    {
        if (since is DateOnly from)
        {
            sql.Append(" AND ").Append(lastColumn).Append(" >= $since");
            command.Parameters.AddWithValue("$since", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (until is DateOnly to)
        {
            sql.Append(" AND ").Append(firstColumn).Append(" <= $until");
            command.Parameters.AddWithValue("$until", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// The index a listing reads, chosen here rather than by SQLite: without statistics, SQLite 3.53 sorted the whole
    /// table for an unfiltered first page (1.8 s at 100k events, where reading events_window in order takes 1 ms) and
    /// took the type index for a country and a type. Each index leads with the filter's columns, then the days, and
    /// carries merged. Null where SQLite's choice is better: one article's events, article words without a window or a
    /// type, a radius without a window (the (lat, lon) box).
    /// </summary>
    private static string? ListingIndex(EventQuery query)
    {
        bool dated = query.Since is not null || query.Until is not null;
        bool place = query.Country is { Length: 2 };
        return query.ArticleId is not null ? null
            : place && query.Type is not null ? "events_country_type_days"
            : query.Type is not null ? "events_type_days"
            : query.Text is not null && !dated ? null
            : place ? "events_country_days"
            : query.Near is not null && !dated ? null
            : "events_window";
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AddPage(StringBuilder sql, SqliteCommand command, int? limit, int offset)
    {
        sql.Append(" LIMIT $limit OFFSET $offset;");
        command.Parameters.AddWithValue("$limit", limit is int l && l >= 0 ? l : -1);
        command.Parameters.AddWithValue("$offset", Math.Max(0, offset));
    }

    private static void AddNameFilters(StringBuilder sql, SqliteCommand command, NameQuery query, string alias, bool withType)
    {
        if (query.Name is not null)
        {
            sql.Append(" AND ").Append(alias).Append(@".name LIKE $name ESCAPE '\'");
            command.Parameters.AddWithValue("$name", Like(query.Name));
        }

        if (withType && query.Type is not null)
        {
            sql.Append(" AND ").Append(alias).Append(".type = $type");
            command.Parameters.AddWithValue("$type", query.Type.ToUpperInvariant());
        }

        if (query.Country is not null)
        {
            sql.Append(" AND ").Append(alias).Append(".country = $country");
            command.Parameters.AddWithValue("$country", query.Country.ToUpperInvariant());
        }
    }

    /// <summary>
    /// A bounding box the (lat, lon) index can use, then the exact great-circle distance, computed by a function
    /// registered on the connection (SQLite builds do not all have math functions).
    /// </summary>
    private static void AddRadius(StringBuilder sql, SqliteCommand command, SqliteConnection connection, GeoPoint near, double radiusKm)
    {
        (double minLat, double maxLat, double minLon, double maxLon) = near.BoundingBox(radiusKm);
        connection.CreateFunction<double?, double?, double, double, double?>(
            "sitrep_distance_km",
            (lat, lon, toLat, toLon) => lat is double from && lon is double fromLon ? Geo.DistanceKm(from, fromLon, toLat, toLon) : null,
            isDeterministic: true);
        sql.Append(" AND e.lat BETWEEN $min_lat AND $max_lat")
            .Append(minLon <= maxLon ? " AND e.lon BETWEEN $min_lon AND $max_lon" : " AND (e.lon >= $min_lon OR e.lon <= $max_lon)")
            .Append(" AND sitrep_distance_km(e.lat, e.lon, $near_lat, $near_lon) <= $radius");
        command.Parameters.AddWithValue("$min_lat", minLat);
        command.Parameters.AddWithValue("$max_lat", maxLat);
        command.Parameters.AddWithValue("$min_lon", minLon);
        command.Parameters.AddWithValue("$max_lon", maxLon);
        command.Parameters.AddWithValue("$near_lat", near.Lat);
        command.Parameters.AddWithValue("$near_lon", near.Lon);
        command.Parameters.AddWithValue("$radius", radiusKm);
    }

    private static string Like(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

}
