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
    {
        string id = document.ArticleId;
        SitrepDocumentModel model = document.Model;
        MinHashSignature signature = NearDuplicateDetector.Default.Sign(model.Text);
        ImmutableArray<long> bands = NearDuplicateDetector.BandKeys(signature);
        long? existing = null;
        long key;
        (string Id, double Similarity)? duplicate;
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
        }

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

        AddLayers(batch, key, model);
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

    private static void AddLayers(NpgsqlBatch batch, long key, SitrepDocumentModel model)
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

        var events = new List<(EventModel E, PlaceModel? Place, TimexRange? Range)>(model.Events.Length);
        var contexts = new List<(string Event, string Context)>();
        var participants = new List<(string Event, string Role, int Ord, ActorModel Actor)>();
        foreach (EventModel e in model.Events)
        {
            PlaceModel? place = e.Location?.Place is string placeId && places.TryGetValue(placeId, out PlaceModel? found) ? found : null;
            events.Add((e, place, TimexRange.Parse(e.Date?.Value)));
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

        new Rows<(EventModel E, PlaceModel? Place, TimexRange? Range)>("events", events)
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
