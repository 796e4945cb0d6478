using System.Collections.Immutable;
using System.Text;
using Npgsql;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// The server store: the same tables as the SQLite store in a PostgreSQL database (in the connection's search
/// path, so one database can hold several stores, one per schema). Connections come from one pooled
/// <see cref="NpgsqlDataSource"/>; each put is one READ COMMITTED transaction holding an advisory lock per
/// article id, so two processes putting the same article take turns and the second sees the first's row.
/// Every read is one statement, so it sees whole committed articles only. The schema is migrated on first use.
/// Needs PostgreSQL 11 or newer (<c>hashtextextended</c>, <c>sha256</c>).
/// </summary>
public sealed class PostgresDocumentStore : IDocumentStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _readyLock = new(1, 1);
    private bool _ready;

    /// <summary>Opens no connection yet: the first call does, and migrates the schema.</summary>
    /// <param name="location">A <c>postgres://</c> or <c>postgresql://</c> URI, or an Npgsql connection string (<c>Host=…;Database=…</c>).</param>
    public PostgresDocumentStore(string location)
    {
        NpgsqlConnectionStringBuilder builder = PostgresConnectionString.Parse(location);
        Location = PostgresConnectionString.Describe(builder);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            // A put runs the same dozen statements for every article: prepared once per connection, they cost a
            // third less time than parsed and planned each time (2,000 articles on loopback: 12.6 s instead of 15.9).
            builder.MaxAutoPrepare = 32;
        }

        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Location { get; }

    /// <summary>The newest schema version this build knows.</summary>
    public static int SchemaVersion => PostgresMigrator.LatestVersion;

    /// <summary>Whether <paramref name="location"/> names a PostgreSQL store (a postgres:// URI or a Host=… connection string).</summary>
    public static bool IsPostgresLocation(string location) => PostgresConnectionString.IsPostgres(location);

    /// <summary><paramref name="location"/> as it may be shown: without its password.</summary>
    public static string DescribeLocation(string location) => PostgresConnectionString.Describe(location);

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _readyLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            MigrationResult result = await PostgresMigrator.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            // Articles stored before schema 2 have no near-duplicate signature: sign them, 100 per transaction.
            while (await PostgresDocumentWriter.SignUnsignedAsync(connection, cancellationToken).ConfigureAwait(false) > 0)
            {
            }

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
        var results = new IngestResult[documents.Count];
        if (documents.Count == 0)
        {
            return results;
        }

        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // One document alone needs no savepoint (when the schema refuses it, the whole transaction is rolled back),
        // and its lock goes in the same round trip as its lookup.
        bool savepoints = documents.Count > 1, rolledBack = false;
        Dictionary<string, List<(string Type, DateOnly First)>> oldEvents = [];
        if (savepoints)
        {
            await LockArticlesAsync(connection, documents, cancellationToken).ConfigureAwait(false);
            oldEvents = await PostgresDocumentWriter.LockMergeWindowsAsync(connection, documents, cancellationToken).ConfigureAwait(false);
        }

        for (int i = 0; i < documents.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (savepoints)
            {
                await transaction.SaveAsync("article", cancellationToken).ConfigureAwait(false);
            }

            try
            {
                results[i] = await PostgresDocumentWriter.PutAsync(connection, documents[i], lockFirst: !savepoints,
                    oldEvents.GetValueOrDefault(documents[i].ArticleId) ?? [], cancellationToken).ConfigureAwait(false);
                if (savepoints)
                {
                    await transaction.ReleaseAsync("article", cancellationToken).ConfigureAwait(false);
                }
            }
            catch (PostgresException e) when (IsRefusal(e))
            {
                // A document the schema refuses (two entities with one id …) fails alone; the others go on.
                if (savepoints)
                {
                    await transaction.RollbackAsync("article", cancellationToken).ConfigureAwait(false);
                    await transaction.ReleaseAsync("article", cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    rolledBack = true;
                }

                results[i] = IngestResult.Failure(documents[i].ArticleId, $"refused by the store: {e.SqlState}: {e.MessageText}");
            }
        }

        if (!rolledBack)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    public async Task<string?> GetJsonAsync(string articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = _dataSource.CreateCommand("SELECT document FROM articles WHERE id = $1;");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = articleId });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] utf8 ? Encoding.UTF8.GetString(utf8) : null;
    }

    public async Task<IReadOnlyList<ArticleSummary>> FindArticlesAsync(ArticleQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = _dataSource.CreateCommand();
        var sql = new StringBuilder("""
            SELECT a.id, a.title, a.url, a.source, a.language, a.published, a.sentence_count, a.entity_count, a.event_count, a.content_hash,
                   a.duplicate_of, a.duplicate_similarity
            FROM articles a
            """);
        string order = "a.published_day DESC NULLS LAST, a.id COLLATE \"C\"";
        if (query.Text is not null)
        {
            string? match = PostgresFullText.ToTsQuery(query.Text);
            if (match is null)
            {
                return [];
            }

            sql.Append(", to_tsquery('simple', @match) q WHERE a.search @@ q");
            command.Parameters.Add(new NpgsqlParameter<string>("match", match));
            order = "ts_rank(a.search, q) DESC, a.id COLLATE \"C\"";
        }
        else
        {
            sql.Append(" WHERE true");
        }

        AddDayRange(sql, command, "a.published_day", "a.published_day", query.Since, query.Until);
        if (query.Language is not null)
        {
            sql.Append(" AND a.language = @language");
            command.Parameters.Add(new NpgsqlParameter<string>("language", query.Language.ToLowerInvariant()));
        }

        if (query.Source is not null)
        {
            sql.Append(" AND a.source = @source");
            command.Parameters.Add(new NpgsqlParameter<string>("source", query.Source));
        }

        if (query.CollapseDuplicates)
        {
            sql.Append(" AND a.duplicate_of IS NULL");
        }

        if (query.DuplicatesOf is not null)
        {
            sql.Append(" AND a.duplicate_of = @duplicate_of");
            command.Parameters.Add(new NpgsqlParameter<string>("duplicate_of", query.DuplicatesOf));
        }

        sql.Append(" ORDER BY ").Append(order);
        AddPage(sql, command, query.Limit, query.Offset);
        command.CommandText = sql.ToString();

        var articles = new List<ArticleSummary>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using NpgsqlCommand command = _dataSource.CreateCommand();

        // The filters other than the date, the same for both parts of a dated query.
        var sql = new StringBuilder();
        if (query.Type is not null)
        {
            sql.Append(" AND e.type = @type");
            command.Parameters.Add(new NpgsqlParameter<string>("type", query.Type.ToUpperInvariant()));
        }

        if (query.Modality is not null)
        {
            sql.Append(" AND e.modality = @modality");
            command.Parameters.Add(new NpgsqlParameter<string>("modality", query.Modality.ToLowerInvariant()));
        }

        if (query.Country is not null)
        {
            string country = query.Country.ToUpperInvariant();
            sql.Append(country.Length switch
            {
                2 => " AND e.country = @country",
                3 => " AND EXISTS (SELECT 1 FROM event_participants x WHERE x.article = e.article AND x.event = e.id AND x.country = @country)",
                _ => throw new ArgumentException($"country '{query.Country}' is neither ISO 3166-1 alpha-2 (UA) nor alpha-3 (RUS)", nameof(query)),
            });
            command.Parameters.Add(new NpgsqlParameter<string>("country", country));
        }

        if (query.Actor is not null)
        {
            sql.Append("""
                 AND EXISTS (SELECT 1 FROM event_participants x LEFT JOIN entities n ON n.article = x.article AND n.id = x.entity
                             WHERE x.article = e.article AND x.event = e.id AND x.role = 'actor'
                               AND (x.text ILIKE @actor ESCAPE '\' OR n.name ILIKE @actor ESCAPE '\'))
                """);
            command.Parameters.Add(new NpgsqlParameter<string>("actor", Like(query.Actor)));
        }

        if (query.Place is not null)
        {
            sql.Append(@" AND (e.location_text ILIKE @place ESCAPE '\' OR e.place_name ILIKE @place ESCAPE '\')");
            command.Parameters.Add(new NpgsqlParameter<string>("place", Like(query.Place)));
        }

        if (query.ArticleId is not null)
        {
            sql.Append(" AND a.id = @article");
            command.Parameters.Add(new NpgsqlParameter<string>("article", query.ArticleId));
        }

        if (query.Text is not null)
        {
            string? match = PostgresFullText.ToTsQuery(query.Text);
            if (match is null)
            {
                return [];
            }

            sql.Append(" AND a.search @@ to_tsquery('simple', @match)");
            command.Parameters.Add(new NpgsqlParameter<string>("match", match));
        }

        if (query.Near is GeoPoint near)
        {
            AddRadius(sql, command, near, query.RadiusKm);
        }

        if (!query.Unmerged)
        {
            // Each merged event once: its first report (the root), which every listing index carries the flag of.
            sql.Append(" AND NOT e.merged");
        }

        if (query.Until is DateOnly until)
        {
            sql.Append(" AND e.first_day <= @until");
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("until", until));
        }

        // The page is chosen first (the sort keys follow the event columns, ids in the "C" collation so the order is the
        // same as SQLite's), then its participants come with each event as arrays of (role, text, country, sector) in
        // role and order: the whole answer is one statement, consistent even while articles are replaced.
        string select = $"""
            SELECT {StoreRows.EventColumns}, e.article AS k_article, e.id COLLATE "C" AS k_event, a.id COLLATE "C" AS k_article_id,
                   e.first_day AS k_day, e.dead_best AS k_dead, a.id AS k_root_article, e.id AS k_root_event
            FROM {StoreRows.EventTables} WHERE true
            """;
        string filters = sql.ToString();
        sql.Clear().Append("SELECT u.*, p.roles, p.texts, p.countries, p.sectors, m.* FROM (").Append(select).Append(filters);
        if (query.Since is DateOnly from)
        {
            // A dated event matches when the days its value covers overlap [since, until]. An event covering a week at
            // most starts no earlier than since - 6 days: an exact range on first_day. The few covering more (a month,
            // a year: long_span) start no earlier than since - 366 days and come from their own partial index.
            sql.Append(" AND e.last_day >= @since AND e.first_day >= @short_floor UNION ALL ").Append(select).Append(filters)
                .Append(" AND e.long_span AND e.last_day >= @since AND e.first_day >= @long_floor AND e.first_day < @short_floor");
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("since", from));
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("short_floor", from.AddDays(-StoreRows.ShortSpanDays)));
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("long_floor", from.AddDays(-366)));
        }

        string order = query.Sort switch
        {
            EventSort.DateDescending => "k_day DESC NULLS LAST, k_article_id, k_event",
            EventSort.Dead => "k_dead DESC NULLS LAST, k_day DESC NULLS LAST, k_article_id, k_event",
            _ => "k_day NULLS FIRST, k_article_id, k_event",
        };
        sql.Append(" ORDER BY ").Append(order);
        AddPage(sql, command, query.Limit, query.Offset);
        sql.Length--;
        sql.Append("""
            ) u
            CROSS JOIN LATERAL (SELECT array_agg(role ORDER BY role, ord) AS roles, array_agg(text ORDER BY role, ord) AS texts,
                                       array_agg(country ORDER BY role, ord) AS countries, array_agg(sector ORDER BY role, ord) AS sectors
                                FROM event_participants WHERE article = u.k_article AND event = u.k_event) p
            CROSS JOIN LATERAL (SELECT array_agg(ra.id ORDER BY r.article, r.trigger_start, r.id) AS r_articles,
                                       array_agg(r.id ORDER BY r.article, r.trigger_start, r.id) AS r_events,
                                       array_agg(r.trigger_text ORDER BY r.article, r.trigger_start, r.id) AS r_triggers,
                                       array_agg(r.trigger_start ORDER BY r.article, r.trigger_start, r.id) AS r_starts,
                                       array_agg(r.trigger_end ORDER BY r.article, r.trigger_start, r.id) AS r_ends,
                                       array_agg(r.sentence ORDER BY r.article, r.trigger_start, r.id) AS r_sentences,
                                       array_agg(ra.source ORDER BY r.article, r.trigger_start, r.id) AS r_sources,
                                       array_agg(ra.published ORDER BY r.article, r.trigger_start, r.id) AS r_published
                                FROM events r JOIN articles ra ON ra.key = r.article
                                WHERE r.merged AND r.merged_article = u.k_root_article AND r.merged_event = u.k_root_event) m
            ORDER BY
            """).Append(' ').Append(order).Append(';');
        command.CommandText = sql.ToString();

        var events = new List<EventRecord>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var actors = ImmutableArray.CreateBuilder<ParticipantRecord>();
            var recipients = ImmutableArray.CreateBuilder<ParticipantRecord>();
            const int first = StoreRows.EventColumnCount + 7, reports = first + 4;
            if (!reader.IsDBNull(first))
            {
                string[] roles = reader.GetFieldValue<string[]>(first), texts = reader.GetFieldValue<string[]>(first + 1);
                string?[] countries = reader.GetFieldValue<string?[]>(first + 2), sectors = reader.GetFieldValue<string?[]>(first + 3);
                for (int i = 0; i < roles.Length; i++)
                {
                    (string.Equals(roles[i], "actor", StringComparison.Ordinal) ? actors : recipients).Add(new ParticipantRecord(texts[i], countries[i], sectors[i]));
                }
            }

            EventRecord record = StoreRows.ReadEvent(reader) with
            {
                Actors = actors.ToImmutable(),
                Recipients = recipients.ToImmutable(),
            };
            if (!query.Unmerged)
            {
                var merged = ImmutableArray.CreateBuilder<EventReportRecord>();
                merged.Add(StoreRows.OwnReport(record));
                if (!reader.IsDBNull(reports))
                {
                    string[] articles = reader.GetFieldValue<string[]>(reports), ids = reader.GetFieldValue<string[]>(reports + 1);
                    string[] triggers = reader.GetFieldValue<string[]>(reports + 2);
                    int[] starts = reader.GetFieldValue<int[]>(reports + 3), ends = reader.GetFieldValue<int[]>(reports + 4), sentences = reader.GetFieldValue<int[]>(reports + 5);
                    string?[] sources = reader.GetFieldValue<string?[]>(reports + 6), published = reader.GetFieldValue<string?[]>(reports + 7);
                    for (int i = 0; i < articles.Length; i++)
                    {
                        merged.Add(new EventReportRecord(articles[i], ids[i], triggers[i], starts[i], ends[i], sentences[i])
                        {
                            ArticleSource = sources[i],
                            ArticlePublished = published[i],
                        });
                    }
                }

                record = record with { Reports = merged.ToImmutable(), Sources = merged.Count };
            }

            events.Add(record);
        }

        return events;
    }

    public async Task<IReadOnlyList<EntitySummary>> FindEntitiesAsync(NameQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = _dataSource.CreateCommand();
        var sql = new StringBuilder("""
            SELECT n.name, n.type, n.country, COUNT(*)::integer AS articles,
                   SUM((SELECT COUNT(*) FROM entity_mentions m WHERE m.article = n.article AND m.entity = n.id))::integer
            FROM entities n WHERE true
            """);
        AddNameFilters(sql, command, query, "n", withType: true);
        sql.Append(" GROUP BY n.name, n.type, n.country ORDER BY articles DESC, n.name COLLATE \"C\", n.type, n.country NULLS FIRST");
        AddPage(sql, command, query.Limit, query.Offset);
        command.CommandText = sql.ToString();
        var entities = new List<EntitySummary>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using NpgsqlCommand command = _dataSource.CreateCommand();
        var sql = new StringBuilder("""
            SELECT p.name, p.country, MAX(p.admin1), p.geonames_id, MAX(p.lat), MAX(p.lon), MAX(p.precision), COUNT(*)::integer AS articles,
                   SUM((SELECT COUNT(*) FROM events e WHERE e.article = p.article AND e.location_place = p.id))::integer
            FROM places p WHERE true
            """);
        AddNameFilters(sql, command, query, "p", withType: false);
        sql.Append(" GROUP BY p.name, p.country, p.geonames_id ORDER BY articles DESC, p.name COLLATE \"C\", p.country NULLS FIRST, p.geonames_id NULLS FIRST");
        AddPage(sql, command, query.Limit, query.Offset);
        command.CommandText = sql.ToString();
        var places = new List<PlaceSummary>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            places.Add(StoreRows.ReadPlace(reader));
        }

        return places;
    }

    public async Task<StoreSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = _dataSource.CreateCommand("""
            SELECT (SELECT COALESCE(MAX(version), 0) FROM schema_version), (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM sentences),
                   (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM places), (SELECT COUNT(*) FROM times),
                   (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM events);
            """);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreSummary(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
    }

    /// <summary>
    /// PostgreSQL has no <c>PRAGMA integrity_check</c> (and the amcheck extension needs a superuser), so this checks
    /// what the store itself promises, in one snapshot: the schema is the newest this build knows, every foreign key
    /// is validated, every stored document still has the SHA-256 it was stored with, and the row counts kept on each
    /// article match its rows. "ok", or one line per problem.
    /// </summary>
    public async Task<string> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = _dataSource.CreateCommand("""
            SELECT 'schema version ' || v.version || ', expected ' || $1
            FROM (SELECT COALESCE(MAX(version), 0) AS version FROM schema_version) v WHERE v.version <> $1
            UNION ALL
            SELECT 'foreign key ' || conname || ' on ' || conrelid::regclass || ' is not validated'
            FROM pg_constraint WHERE contype = 'f' AND NOT convalidated AND connamespace = current_schema()::regnamespace
            UNION ALL
            SELECT problem FROM (
                SELECT a.id,
                       CASE WHEN encode(sha256(a.document), 'hex') <> a.content_hash THEN 'article ' || a.id || ': document does not match its content hash' END,
                       CASE WHEN a.sentence_count <> (SELECT COUNT(*) FROM sentences s WHERE s.article = a.key) THEN 'article ' || a.id || ': sentence rows do not match its count' END,
                       CASE WHEN a.entity_count <> (SELECT COUNT(*) FROM entities n WHERE n.article = a.key) THEN 'article ' || a.id || ': entity rows do not match its count' END,
                       CASE WHEN a.event_count <> (SELECT COUNT(*) FROM events e WHERE e.article = a.key) THEN 'article ' || a.id || ': event rows do not match its count' END
                FROM articles a
            ) AS checks (id, hash, sentences, entities, events)
            CROSS JOIN LATERAL (VALUES (hash), (sentences), (entities), (events)) AS found (problem)
            WHERE problem IS NOT NULL;
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = SchemaVersion });
        var lines = new List<string>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(reader.GetString(0));
        }

        return lines.Count == 0 ? "ok" : string.Join('\n', lines);
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _readyLock.Dispose();
    }

    private async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (!Volatile.Read(ref _ready))
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes the transaction's advisory lock on every article id of the batch, in one order (ordinal) whoever
    /// asks, so two batches sharing articles cannot deadlock. The key includes the schema, so stores in other
    /// schemas of the database never wait for each other.
    /// </summary>
    private static async Task LockArticlesAsync(NpgsqlConnection connection, IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (StoredDocument document in documents)
        {
            ids.Add(document.ArticleId);
        }

        await using var command = new NpgsqlCommand($"SELECT {LockSql("id")} FROM unnest($1) WITH ORDINALITY AS ids (id, n) ORDER BY n;", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. ids] });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The advisory lock on one article id (an SQL expression of text), held until the transaction ends.</summary>
    internal static string LockSql(string id) => $"pg_advisory_xact_lock(hashtextextended(current_schema() || '/' || {id}, 0))";

    /// <summary>
    /// Errors that belong to the document, not to the store: a constraint it violates (class 23), a value
    /// PostgreSQL cannot hold (class 22, e.g. a NUL character in a text), a limit it exceeds (class 54, e.g. a
    /// text whose search vector passes 1 MB). Anything else (connection lost, disk full) is thrown.
    /// </summary>
    private static bool IsRefusal(PostgresException e) => e.SqlState.StartsWith("23", StringComparison.Ordinal)
        || e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("54", StringComparison.Ordinal);

    private static void AddDayRange(StringBuilder sql, NpgsqlCommand command, string lastColumn, string firstColumn, DateOnly? since, DateOnly? until)
    {
        if (since is DateOnly from)
        {
            sql.Append(" AND ").Append(lastColumn).Append(" >= @since");
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("since", from));
        }

        if (until is DateOnly to)
        {
            sql.Append(" AND ").Append(firstColumn).Append(" <= @until");
            command.Parameters.Add(new NpgsqlParameter<DateOnly>("until", to));
        }
    }

    private static void AddPage(StringBuilder sql, NpgsqlCommand command, int? limit, int offset)
    {
        if (limit is int l && l >= 0)
        {
            sql.Append(" LIMIT @limit");
            command.Parameters.Add(new NpgsqlParameter<int>("limit", l));
        }

        sql.Append(" OFFSET @offset;");
        command.Parameters.Add(new NpgsqlParameter<int>("offset", Math.Max(0, offset)));
    }

    private static void AddNameFilters(StringBuilder sql, NpgsqlCommand command, NameQuery query, string alias, bool withType)
    {
        if (query.Name is not null)
        {
            sql.Append(" AND ").Append(alias).Append(@".name ILIKE @name ESCAPE '\'");
            command.Parameters.Add(new NpgsqlParameter<string>("name", Like(query.Name)));
        }

        if (withType && query.Type is not null)
        {
            sql.Append(" AND ").Append(alias).Append(".type = @type");
            command.Parameters.Add(new NpgsqlParameter<string>("type", query.Type.ToUpperInvariant()));
        }

        if (query.Country is not null)
        {
            sql.Append(" AND ").Append(alias).Append(".country = @country");
            command.Parameters.Add(new NpgsqlParameter<string>("country", query.Country.ToUpperInvariant()));
        }
    }

    /// <summary>A bounding box the (lat, lon) index can use, then the exact great-circle distance (haversine, in SQL).</summary>
    private static void AddRadius(StringBuilder sql, NpgsqlCommand command, GeoPoint near, double radiusKm)
    {
        (double minLat, double maxLat, double minLon, double maxLon) = near.BoundingBox(radiusKm);
        sql.Append(" AND e.lat BETWEEN @min_lat AND @max_lat")
            .Append(minLon <= maxLon ? " AND e.lon BETWEEN @min_lon AND @max_lon" : " AND (e.lon >= @min_lon OR e.lon <= @max_lon)")
            .Append("""
                 AND 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(e.lat - @near_lat) / 2), 2)
                     + cos(radians(@near_lat)) * cos(radians(e.lat)) * power(sin(radians(e.lon - @near_lon) / 2), 2)))) <= @radius
                """);
        command.Parameters.Add(new NpgsqlParameter<double>("min_lat", minLat));
        command.Parameters.Add(new NpgsqlParameter<double>("max_lat", maxLat));
        command.Parameters.Add(new NpgsqlParameter<double>("min_lon", minLon));
        command.Parameters.Add(new NpgsqlParameter<double>("max_lon", maxLon));
        command.Parameters.Add(new NpgsqlParameter<double>("near_lat", near.Lat));
        command.Parameters.Add(new NpgsqlParameter<double>("near_lon", near.Lon));
        command.Parameters.Add(new NpgsqlParameter<double>("radius", radiusKm));
    }

    private static string Like(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

}
