using System.Collections.Immutable;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Duplicates;
using Sitrep.Serialization;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// Writes one document's rows inside the caller's transaction, in two round trips: one to take the article's
/// advisory lock (unless the caller holds it) and look the article up (drawing its key), one batch with the article
/// row and one <c>INSERT … SELECT FROM unnest(arrays)</c> per contract list, so a document with hundreds of
/// mentions costs a dozen statements, not hundreds. With the lock held, no other writer decides about this id meanwhile.
/// The first round trip also fetches the near-duplicate candidates (articles sharing an LSH band), so the link to the
/// nearest earlier near-duplicate goes in the article row. Two copies put at the same moment by two processes may
/// not see each other and stay unlinked.
/// </summary>
internal static class PostgresDocumentWriter
{
    /// <summary>Stores <paramref name="document"/> as <see cref="IDocumentStore.PutAsync"/> says, in the connection's transaction.</summary>
    /// <param name="connection">An open connection in a transaction.</param>
    /// <param name="document">The document to store.</param>
    /// <param name="lockFirst">Take the article's advisory lock here (false: the caller already holds it).</param>
    /// <param name="cancellationToken">Stops waiting for the server.</param>
    public static async Task<IngestResult> PutAsync(NpgsqlConnection connection, StoredDocument document, bool lockFirst, CancellationToken cancellationToken)
        => await PutAsync(connection, document, lockFirst, [], cancellationToken).ConfigureAwait(false);

    /// <summary>Stores <paramref name="document"/> as <see cref="IDocumentStore.PutAsync"/> says, in the connection's transaction.</summary>
    /// <param name="connection">An open connection in a transaction.</param>
    /// <param name="document">The document to store.</param>
    /// <param name="lockFirst">Take the article's advisory lock and its merge locks here (false: the caller already holds them, see <see cref="LockMergeWindowsAsync"/>).</param>
    /// <param name="oldEvents">With <paramref name="lockFirst"/> false: the type and first day of the stored predecessor's events.</param>
    /// <param name="cancellationToken">Stops waiting for the server.</param>
    public static async Task<IngestResult> PutAsync(NpgsqlConnection connection, StoredDocument document, bool lockFirst,
        IReadOnlyList<(string Type, DateOnly First)> oldEvents, CancellationToken cancellationToken)
    {
        string id = document.ArticleId;
        SitrepDocumentModel model = document.Model;
        MinHashSignature signature = document.Signature;
        ImmutableArray<long> bands = NearDuplicateDetector.BandKeys(signature);
        long? existing = null;
        long key;
        (string Id, double Similarity)? duplicate;
        List<(string Type, DateOnly First)> predecessor = [.. oldEvents];
        await using (var find = new NpgsqlBatch(connection))
        {
            // In READ COMMITTED each statement of a batch reads what was committed when it starts, so the lookup,
            // which starts once the lock is granted, sees the row of whoever held the lock before.
            if (lockFirst)
            {
                var lockArticle = new NpgsqlBatchCommand($"SELECT {PostgresDocumentStore.LockSql("$1")};");
                lockArticle.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
                find.BatchCommands.Add(lockArticle);
            }

            var lookup = new NpgsqlBatchCommand("""
                SELECT a.key, a.content_hash, nextval(pg_get_serial_sequence('articles', 'key'))
                FROM (SELECT 1) AS one LEFT JOIN articles a ON a.id = $1;
                """);
            lookup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
            find.BatchCommands.Add(lookup);
            find.BatchCommands.Add(Candidates(id, bands));
            find.BatchCommands.Add(IsLinkTarget(id));
            if (lockFirst)
            {
                find.BatchCommands.Add(OldEvents([id]));
            }

            await using NpgsqlDataReader reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (lockFirst)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }

            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!reader.IsDBNull(0))
            {
                if (string.Equals(reader.GetString(1), document.ContentHash, StringComparison.Ordinal))
                {
                    return new IngestResult(id, IngestStatus.Duplicate);
                }

                existing = reader.GetInt64(0);
            }

            key = reader.GetInt64(2);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            Dictionary<long, (string Id, MinHashSignature Signature)> candidates = await ReadCandidatesAsync(reader, cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            bool isLinkTarget = reader.GetBoolean(0);
            duplicate = existing is not null && isLinkTarget ? null : Nearest(signature, candidates);
            if (lockFirst)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                predecessor = (await ReadOldEventsAsync(reader, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(id) ?? [];
            }
        }

        // Merging: the stored roots the article's reports may join, and, when it replaces a predecessor, the reports of
        // other articles merged into the predecessor's events, which are relinked. Read under the (type, week) locks of
        // every window involved, so a parallel writer cannot link to a root being replaced or miss one being stored.
        ImmutableArray<EventReport> reports = document.Reports;
        List<(string Type, DateOnly From, DateOnly To)> windows = MergeWindows(reports, predecessor);
        var orphans = new List<StoredEventRoot>();
        var roots = new List<StoredEventRoot>();
        if (windows.Count > 0 || existing is not null)
        {
            await using var merge = new NpgsqlBatch(connection);
            if (lockFirst)
            {
                merge.BatchCommands.Add(LockWindows(windows));
            }

            var findOrphans = new NpgsqlBatchCommand("""
                SELECT r.article, a.id, r.id, r.trigger_start, r.merge_report FROM events r JOIN articles a ON a.key = r.article
                WHERE r.merged AND r.merged_article = $1 AND r.merge_report IS NOT NULL;
                """);
            findOrphans.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
            merge.BatchCommands.Add(findOrphans);
            var findRoots = new NpgsqlBatchCommand("""
                SELECT e.article, a.id, e.id, e.trigger_start, e.merge_report,
                       (SELECT array_agg(r.article) FROM events r WHERE r.merged AND r.merged_article = a.id AND r.merged_event = e.id)
                FROM unnest($1::text[], $2::date[], $3::date[]) AS w (type, first, last)
                JOIN events e ON e.type = w.type AND e.merge_first BETWEEN w.first AND w.last AND NOT e.merged AND e.merge_first IS NOT NULL
                JOIN articles a ON a.key = e.article
                WHERE a.id <> $4;
                """);
            findRoots.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. windows.Select(w => w.Type)] });
            findRoots.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = [.. windows.Select(w => w.From)] });
            findRoots.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = [.. windows.Select(w => w.To)] });
            findRoots.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
            merge.BatchCommands.Add(findRoots);
            await using NpgsqlDataReader reader = await merge.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (lockFirst)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }

            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                orphans.Add(new StoredEventRoot(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    EventLinks.Decode(reader.GetString(1), reader.GetString(2), reader.GetString(4)), []));
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ImmutableArray<long> members = reader.IsDBNull(5) ? [] : [.. reader.GetFieldValue<long[]>(5)];
                roots.Add(new StoredEventRoot(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    EventLinks.Decode(reader.GetString(1), reader.GetString(2), reader.GetString(4)), members));
            }
        }

        (IReadOnlyList<StoredEventRoot?> orphanLinks, IReadOnlyList<StoredEventRoot?> links) = EventLinks.Plan(reports, roots, orphans);

        await using var batch = new NpgsqlBatch(connection);
        if (existing is long old)
        {
            var delete = new NpgsqlBatchCommand("DELETE FROM articles WHERE key = $1;");
            delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = old });
            batch.BatchCommands.Add(delete);
        }

        ArticleModel article = model.Article;
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO articles (key, id, url, title, source, language, published, published_day, published_inferred, content_hash,
                                  sentence_count, entity_count, event_count, document, search, duplicate_of, duplicate_similarity)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                    setweight(to_tsvector('simple', $15), 'A') || setweight(to_tsvector('simple', $16), 'B'), $17, $18);
            """);
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        insert.Parameters.Add(Text(article.Url));
        insert.Parameters.Add(Text(article.Title));
        insert.Parameters.Add(Text(article.Source));
        insert.Parameters.Add(Text(article.Language ?? "und"));
        insert.Parameters.Add(Text(article.Published));
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = TimexRange.PublishedDay(article.Published) is DateOnly day ? day : DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = article.PublishedInferred });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = document.ContentHash });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = model.Sentences.Length });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = model.Entities.Length });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = model.Events.Length });
        insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = Encoding.UTF8.GetBytes(document.Json) });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgresFullText.Words(article.Title) });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgresFullText.Words(model.Text) });
        insert.Parameters.Add(Text(duplicate?.Id));
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = duplicate is { } d ? d.Similarity : DBNull.Value });
        batch.BatchCommands.Add(insert);

        AddLayers(batch, key, model, reports, links);
        if (orphans.Count > 0)
        {
            var relink = new NpgsqlBatchCommand("""
                UPDATE events SET merged = x.merged, merged_article = x.root_article, merged_event = x.root_event
                FROM unnest($1::bigint[], $2::text[], $3::boolean[], $4::text[], $5::text[]) AS x (article, id, merged, root_article, root_event)
                WHERE events.article = x.article AND events.id = x.id;
                """);
            relink.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. orphans.Select(o => o.ArticleKey)] });
            relink.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. orphans.Select(o => o.EventId)] });
            relink.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = [.. orphanLinks.Select(r => r is not null)] });
            relink.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. orphanLinks.Select(r => r?.ArticleId)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            relink.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. orphanLinks.Select(r => r?.EventId)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            batch.BatchCommands.Add(relink);
        }

        AddSignature(batch, key, signature, bands);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new IngestResult(id, existing is null ? IngestStatus.New : IngestStatus.Updated) { NearDuplicateOf = duplicate?.Id, Similarity = duplicate?.Similarity };
    }

    /// <summary>
    /// Gives up to 100 articles stored before schema 2 their signature, oldest first, each linked to its nearest
    /// earlier near-duplicate among the articles signed so far, in one transaction holding the schema's signing lock
    /// (two processes opening an upgraded store take turns); returns how many it signed (0: none left).
    /// </summary>
    public static async Task<int> SignUnsignedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var unsigned = new List<(long Key, string Id, string Text)>();
        await using (var select = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(hashtextextended('sitrep.sign/' || current_schema(), 0));
            SELECT a.key, a.id, a.document FROM articles a
            WHERE NOT EXISTS (SELECT 1 FROM article_signatures s WHERE s.article = a.key) ORDER BY a.key LIMIT 100;
            """, connection))
        {
            await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string json = Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(2));
                unsigned.Add((reader.GetInt64(0), reader.GetString(1), SitrepJson.Deserialize(json).Text ?? ""));
            }
        }

        foreach ((long key, string id, string text) in unsigned)
        {
            MinHashSignature signature = NearDuplicateDetector.Default.Sign(text);
            ImmutableArray<long> bands = NearDuplicateDetector.BandKeys(signature);
            (string Id, double Similarity)? duplicate;
            await using (var find = new NpgsqlBatch(connection))
            {
                find.BatchCommands.Add(Candidates(id, bands));
                find.BatchCommands.Add(IsLinkTarget(id));
                await using NpgsqlDataReader reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                Dictionary<long, (string Id, MinHashSignature Signature)> candidates = await ReadCandidatesAsync(reader, cancellationToken).ConfigureAwait(false);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                duplicate = reader.GetBoolean(0) ? null : Nearest(signature, candidates);
            }

            await using var write = new NpgsqlBatch(connection);
            if (duplicate is { } d)
            {
                var link = new NpgsqlBatchCommand("UPDATE articles SET duplicate_of = $2, duplicate_similarity = $3 WHERE key = $1;");
                link.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
                link.Parameters.Add(new NpgsqlParameter<string> { TypedValue = d.Id });
                link.Parameters.Add(new NpgsqlParameter<double> { TypedValue = d.Similarity });
                write.BatchCommands.Add(link);
            }

            AddSignature(write, key, signature, bands);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return unsigned.Count;
    }

    /// <summary>
    /// Takes, for a batch whose article locks are held, the merge locks of all its documents at once (in one order
    /// whoever asks, after the article locks, so writers cannot deadlock), and returns each stored predecessor's
    /// events for <see cref="PutAsync(NpgsqlConnection, StoredDocument, bool, IReadOnlyList{ValueTuple{string, DateOnly}}, CancellationToken)"/>.
    /// </summary>
    /// <param name="connection">An open connection in the batch's transaction.</param>
    /// <param name="documents">The batch.</param>
    /// <param name="cancellationToken">Stops waiting for the server.</param>
    public static async Task<Dictionary<string, List<(string Type, DateOnly First)>>> LockMergeWindowsAsync(
        NpgsqlConnection connection, IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        Dictionary<string, List<(string Type, DateOnly First)>> old;
        await using (var read = new NpgsqlBatch(connection))
        {
            read.BatchCommands.Add(OldEvents([.. documents.Select(d => d.ArticleId)]));
            await using NpgsqlDataReader reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            old = await ReadOldEventsAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        var windows = new List<(string Type, DateOnly From, DateOnly To)>();
        foreach (StoredDocument document in documents)
        {
            windows.AddRange(MergeWindows(document.Reports, old.GetValueOrDefault(document.ArticleId) ?? []));
        }

        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(LockWindows(windows));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return old;
    }

    /// <summary>
    /// One window of first days per event type, over the reports' candidate days (<see cref="EventLinks.CandidateDays"/>) and,
    /// for a predecessor's events, 20 days either side of each: the candidate days of any report merged into one of them.
    /// </summary>
    private static List<(string Type, DateOnly From, DateOnly To)> MergeWindows(ImmutableArray<EventReport> reports, IReadOnlyList<(string Type, DateOnly First)> predecessor)
    {
        var windows = new Dictionary<string, (DateOnly From, DateOnly To)>(StringComparer.Ordinal);
        void Add(string type, DateOnly from, DateOnly to) =>
            windows[type] = windows.TryGetValue(type, out var known) ? (known.From < from ? known.From : from, known.To > to ? known.To : to) : (from, to);
        foreach (EventReport report in reports)
        {
            if (EventLinks.CandidateDays(report) is { } days)
            {
                Add(report.Type, days.From, days.To);
            }
        }

        int reach = 2 * (EventLinks.Rules.PublicationSlackDays + EventLinks.Rules.MaxDaysApart + EventLinks.Rules.MaxSpanDays);
        foreach ((string type, DateOnly first) in predecessor)
        {
            Add(type, first.AddDays(-reach), first.AddDays(reach));
        }

        return [.. windows.Select(w => (w.Key, w.Value.From, w.Value.To))];
    }

    /// <summary>
    /// The advisory locks on (type, week) of every window, in (key, week) order, held until the transaction ends: a writer
    /// reads or changes the roots of a window only under its locks. Two 32-bit keys, a space apart from the article locks.
    /// </summary>
    private static NpgsqlBatchCommand LockWindows(IEnumerable<(string Type, DateOnly From, DateOnly To)> windows)
    {
        var types = new List<string>();
        var weeks = new List<int>();
        foreach ((string type, DateOnly from, DateOnly to) in windows)
        {
            for (int week = from.DayNumber / 7; week <= to.DayNumber / 7; week++)
            {
                types.Add(type);
                weeks.Add(week);
            }
        }

        var command = new NpgsqlBatchCommand("""
            SELECT pg_advisory_xact_lock(k.type_key, k.week)
            FROM (SELECT DISTINCT hashtext(current_schema() || '/merge/' || t) AS type_key, w AS week
                  FROM unnest($1::text[], $2::integer[]) AS x (t, w) ORDER BY 1, 2 OFFSET 0) k;
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. types] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. weeks] });
        return command;
    }

    /// <summary>The type and first merge day of every event of the stored articles with these ids.</summary>
    private static NpgsqlBatchCommand OldEvents(string[] ids)
    {
        var command = new NpgsqlBatchCommand("""
            SELECT a.id, e.type, e.merge_first FROM articles a JOIN events e ON e.article = a.key
            WHERE a.id = ANY($1) AND e.merge_first IS NOT NULL;
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids });
        return command;
    }

    private static async Task<Dictionary<string, List<(string Type, DateOnly First)>>> ReadOldEventsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var old = new Dictionary<string, List<(string Type, DateOnly First)>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string id = reader.GetString(0);
            if (!old.TryGetValue(id, out var events))
            {
                old[id] = events = [];
            }

            events.Add((reader.GetString(1), reader.GetFieldValue<DateOnly>(2)));
        }

        return old;
    }

    /// <summary>The stored articles other than <paramref name="id"/> sharing an LSH band with the new one: key, id, signature.</summary>
    private static NpgsqlBatchCommand Candidates(string id, ImmutableArray<long> bands)
    {
        var command = new NpgsqlBatchCommand("""
            SELECT s.article, a.id, s.signature FROM article_signatures s JOIN articles a ON a.key = s.article
            WHERE s.article IN (SELECT article FROM article_bands WHERE band = ANY($1)) AND a.id <> $2;
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. bands] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        return command;
    }

    /// <summary>Whether some stored article is linked to <paramref name="id"/> as its near-duplicate.</summary>
    private static NpgsqlBatchCommand IsLinkTarget(string id)
    {
        var command = new NpgsqlBatchCommand("SELECT EXISTS (SELECT 1 FROM articles WHERE duplicate_of = $1);");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        return command;
    }

    private static async Task<Dictionary<long, (string Id, MinHashSignature Signature)>> ReadCandidatesAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var candidates = new Dictionary<long, (string Id, MinHashSignature Signature)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            candidates[reader.GetInt64(0)] = (reader.GetString(1), MinHashSignature.FromBytes(reader.GetFieldValue<byte[]>(2)));
        }

        return candidates;
    }

    private static (string Id, double Similarity)? Nearest(MinHashSignature signature, Dictionary<long, (string Id, MinHashSignature Signature)> candidates) =>
        NearDuplicateDetector.Default.Nearest(signature, candidates.Select(c => (c.Key, c.Value.Signature))) is { } match
            ? (candidates[match.Key].Id, match.Similarity)
            : null;

    private static void AddSignature(NpgsqlBatch batch, long key, MinHashSignature signature, ImmutableArray<long> bands)
    {
        var insert = new NpgsqlBatchCommand("INSERT INTO article_signatures (article, signature) VALUES ($1, $2);");
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = signature.ToBytes() });
        batch.BatchCommands.Add(insert);
        if (!bands.IsEmpty)
        {
            var insertBands = new NpgsqlBatchCommand("INSERT INTO article_bands (band, article) SELECT DISTINCT b, $1 FROM unnest($2) AS b;");
            insertBands.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            insertBands.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. bands] });
            batch.BatchCommands.Add(insertBands);
        }
    }

    private static void AddLayers(NpgsqlBatch batch, long key, SitrepDocumentModel model, ImmutableArray<EventReport> reports, IReadOnlyList<StoredEventRoot?> links)
    {
        var sentences = new List<(int Ord, SentenceModel Sentence)>(model.Sentences.Length);
        for (int i = 0; i < model.Sentences.Length; i++)
        {
            sentences.Add((i, model.Sentences[i]));
        }

        new Rows<(int Ord, SentenceModel S)>("sentences", sentences)
            .Int("ord", r => r.Ord).Int("start", r => r.S.Start).Int("\"end\"", r => r.S.End).AddTo(batch, key);

        var roles = new List<(string Entity, int Ord, string Role)>();
        var entityMentions = new List<(string Entity, int Ord, SpanModel Span)>();
        foreach (EntityModel entity in model.Entities)
        {
            for (int i = 0; i < entity.Roles.Length; i++)
            {
                roles.Add((entity.Id, i, entity.Roles[i]));
            }

            for (int i = 0; i < entity.Mentions.Length; i++)
            {
                entityMentions.Add((entity.Id, i, entity.Mentions[i]));
            }
        }

        new Rows<EntityModel>("entities", model.Entities)
            .Text("id", e => e.Id).Text("type", e => e.Type).Text("name", e => e.Name).Text("country", e => e.Country).Text("place", e => e.Place)
            .AddTo(batch, key);
        new Rows<(string Entity, int Ord, string Role)>("entity_roles", roles)
            .Text("entity", r => r.Entity).Int("ord", r => r.Ord).Text("role", r => r.Role).AddTo(batch, key);
        new Rows<(string Entity, int Ord, SpanModel Span)>("entity_mentions", entityMentions)
            .Text("entity", r => r.Entity).Int("ord", r => r.Ord).Int("start", r => r.Span.Start).Int("\"end\"", r => r.Span.End).Text("text", r => r.Span.Text)
            .AddTo(batch, key);

        var places = new Dictionary<string, PlaceModel>(StringComparer.Ordinal);
        var placeMentions = new List<(string Place, int Ord, SpanModel Span)>();
        foreach (PlaceModel place in model.Places)
        {
            places.TryAdd(place.Id, place);
            for (int i = 0; i < place.Mentions.Length; i++)
            {
                placeMentions.Add((place.Id, i, place.Mentions[i]));
            }
        }

        new Rows<PlaceModel>("places", model.Places)
            .Text("id", p => p.Id).Text("name", p => p.Name).Long("geonames_id", p => p.GeonamesId).Double("lat", p => p.Lat).Double("lon", p => p.Lon)
            .Text("country", p => p.Country).Text("admin1", p => p.Admin1).Text("feature", p => p.Feature).Text("precision", p => p.Precision)
            .AddTo(batch, key);
        new Rows<(string Place, int Ord, SpanModel Span)>("place_mentions", placeMentions)
            .Text("place", r => r.Place).Int("ord", r => r.Ord).Int("start", r => r.Span.Start).Int("\"end\"", r => r.Span.End).Text("text", r => r.Span.Text)
            .AddTo(batch, key);

        var times = new List<(TimeModel Time, TimexRange? Range)>(model.Times.Length);
        foreach (TimeModel time in model.Times)
        {
            times.Add((time, TimexRange.Parse(time.Value)));
        }

        new Rows<(TimeModel T, TimexRange? Range)>("times", times)
            .Text("id", r => r.T.Id).Int("start", r => r.T.Start).Int("\"end\"", r => r.T.End).Text("text", r => r.T.Text).Text("type", r => r.T.Type)
            .Text("value", r => r.T.Value).Date("first_day", r => r.Range?.First).Date("last_day", r => r.Range?.Last)
            .AddTo(batch, key);

        new Rows<QuoteModel>("quotes", model.Quotes)
            .Text("id", q => q.Id).Text("kind", q => q.Kind).Int("content_start", q => q.Content.Start).Int("content_end", q => q.Content.End)
            .Text("content_text", q => q.Content.Text).Int("cue_start", q => q.Cue?.Start).Int("cue_end", q => q.Cue?.End).Text("cue_text", q => q.Cue?.Text)
            .Text("cue_lemma", q => q.Cue?.Lemma).Text("speaker_entity", q => q.Speaker?.Entity).Int("speaker_start", q => q.Speaker?.Start)
            .Int("speaker_end", q => q.Speaker?.End).Text("speaker_text", q => q.Speaker?.Text)
            .AddTo(batch, key);

        var events = new List<(EventModel E, PlaceModel? Place, TimexRange? Range, EventReport Report, StoredEventRoot? Root)>(model.Events.Length);
        var contexts = new List<(string Event, string Context)>();
        var participants = new List<(string Event, string Role, int Ord, ActorModel Actor)>();
        for (int n = 0; n < model.Events.Length; n++)
        {
            EventModel e = model.Events[n];
            PlaceModel? place = e.Location?.Place is string placeId && places.TryGetValue(placeId, out PlaceModel? found) ? found : null;
            events.Add((e, place, TimexRange.Parse(e.Date?.Value), reports[n], links[n]));
            foreach (string context in e.Context)
            {
                contexts.Add((e.Id, context));
            }

            for (int i = 0; i < e.Actors.Length; i++)
            {
                participants.Add((e.Id, "actor", i, e.Actors[i]));
            }

            for (int i = 0; i < e.Recipients.Length; i++)
            {
                participants.Add((e.Id, "recipient", i, e.Recipients[i]));
            }
        }

        new Rows<(EventModel E, PlaceModel? Place, TimexRange? Range, EventReport Report, StoredEventRoot? Root)>("events", events)
            .Text("id", r => r.E.Id).Text("type", r => r.E.Type).Text("mode", r => r.E.Mode).Text("cameo_root", r => r.E.CameoRoot)
            .Text("acled_event_type", r => r.E.Acled?.EventType).Text("acled_sub_event_type", r => r.E.Acled?.SubEventType)
            .Int("trigger_start", r => r.E.Trigger.Start).Int("trigger_end", r => r.E.Trigger.End).Text("trigger_text", r => r.E.Trigger.Text)
            .Text("location_place", r => r.E.Location?.Place).Int("location_start", r => r.E.Location?.Start).Int("location_end", r => r.E.Location?.End)
            .Text("location_text", r => r.E.Location?.Text)
            .Text("place_name", r => r.Place?.Name).Text("country", r => r.Place?.Country).Double("lat", r => r.Place?.Lat).Double("lon", r => r.Place?.Lon)
            .Text("date_time", r => r.E.Date?.Time).Text("date_value", r => r.E.Date?.Value).Text("date_precision", r => r.E.Date?.Precision)
            .Date("first_day", r => r.Range?.First).Date("last_day", r => r.Range?.Last)
            .Int("dead_best", r => r.E.Dead?.Best).Int("dead_low", r => r.E.Dead?.Low).Int("dead_high", r => r.E.Dead?.High)
            .Int("dead_start", r => r.E.Dead?.Start).Int("dead_end", r => r.E.Dead?.End).Text("dead_text", r => r.E.Dead?.Text)
            .Int("injured_best", r => r.E.Injured?.Best).Int("injured_low", r => r.E.Injured?.Low).Int("injured_high", r => r.E.Injured?.High)
            .Int("injured_start", r => r.E.Injured?.Start).Int("injured_end", r => r.E.Injured?.End).Text("injured_text", r => r.E.Injured?.Text)
            .Text("modality", r => r.E.Modality).Text("reporter_entity", r => r.E.Reporter?.Entity).Int("reporter_start", r => r.E.Reporter?.Start)
            .Int("reporter_end", r => r.E.Reporter?.End).Text("reporter_text", r => r.E.Reporter?.Text)
            .Int("sentence", r => r.E.Sentence).Double("confidence", r => r.E.Confidence)
            .Text("sentence_text", r => StoreRows.SentenceText(model, r.E.Sentence))
            .Bool("long_span", r => StoreRows.IsLongSpan(r.Range))
            .Date("merge_first", r => EventLinks.CanMerge(r.Report) ? r.Report.Days!.Value.First : null)
            .Text("merge_report", r => EventLinks.CanMerge(r.Report) ? EventLinks.Encode(r.Report) : null)
            .Bool("merged", r => r.Root is not null).Text("merged_article", r => r.Root?.ArticleId).Text("merged_event", r => r.Root?.EventId)
            .AddTo(batch, key);
        new Rows<(string Event, string Context)>("event_contexts", contexts)
            .Text("event", r => r.Event).Text("context", r => r.Context)
            .AddTo(batch, key, " ON CONFLICT DO NOTHING");
        new Rows<(string Event, string Role, int Ord, ActorModel Actor)>("event_participants", participants)
            .Text("event", r => r.Event).Text("role", r => r.Role).Int("ord", r => r.Ord).Text("entity", r => r.Actor.Entity)
            .Int("start", r => r.Actor.Start).Int("\"end\"", r => r.Actor.End).Text("text", r => r.Actor.Text)
            .Text("country", r => r.Actor.Country).Text("sector", r => r.Actor.Sector)
            .AddTo(batch, key);
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value ?? (object)DBNull.Value };

    /// <summary>The rows of one table as one array per column, inserted with <c>SELECT $1, * FROM unnest($2, $3, …)</c>.</summary>
    private sealed class Rows<T>(string table, IReadOnlyList<T> rows)
    {
        private readonly List<string> _columns = [];
        private readonly List<NpgsqlParameter> _arrays = [];

        public Rows<T> Int(string column, Func<T, int?> value) => Add(column, NpgsqlDbType.Integer, value);

        public Rows<T> Long(string column, Func<T, long?> value) => Add(column, NpgsqlDbType.Bigint, value);

        public Rows<T> Double(string column, Func<T, double?> value) => Add(column, NpgsqlDbType.Double, value);

        public Rows<T> Date(string column, Func<T, DateOnly?> value) => Add(column, NpgsqlDbType.Date, value);

        public Rows<T> Text(string column, Func<T, string?> value) => Add(column, NpgsqlDbType.Text, value);

        public Rows<T> Bool(string column, Func<T, bool> value) => Add(column, NpgsqlDbType.Boolean, value);

        public void AddTo(NpgsqlBatch batch, long key, string onConflict = "")
        {
            if (rows.Count == 0)
            {
                return;
            }

            var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (article, ").AppendJoin(", ", _columns).Append(") SELECT $1, * FROM unnest(");
            for (int i = 0; i < _arrays.Count; i++)
            {
                sql.Append(i == 0 ? "$" : ", $").Append(i + 2);
            }

            var command = new NpgsqlBatchCommand(sql.Append(')').Append(onConflict).Append(';').ToString());
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            command.Parameters.AddRange(_arrays.ToArray());
            batch.BatchCommands.Add(command);
        }

        private Rows<T> Add<TValue>(string column, NpgsqlDbType type, Func<T, TValue> value)
        {
            var values = new TValue[rows.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = value(rows[i]);
            }

            _columns.Add(column);
            _arrays.Add(new NpgsqlParameter<TValue[]> { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | type });
            return this;
        }
    }
}
