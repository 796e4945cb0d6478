using System.Text;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Serialization;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// Writes one document's rows inside the caller's transaction, in two round trips: one to take the article's
/// advisory lock (unless the caller holds it) and look the article up (drawing its key), one batch with the article
/// row and one <c>INSERT … SELECT FROM unnest(arrays)</c> per contract list, so a document with hundreds of
/// mentions costs a dozen statements, not hundreds. With the lock held, no other writer decides about this id meanwhile.
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
        long? existing = null;
        long key;
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
        }

        await using var batch = new NpgsqlBatch(connection);
        if (existing is long old)
        {
            var delete = new NpgsqlBatchCommand("DELETE FROM articles WHERE key = $1;");
            delete.Parameters.Add(new NpgsqlParameter<long> { TypedValue = old });
            batch.BatchCommands.Add(delete);
        }

        SitrepDocumentModel model = document.Model;
        ArticleModel article = model.Article;
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO articles (key, id, url, title, source, language, published, published_day, published_inferred, content_hash,
                                  sentence_count, entity_count, event_count, document, search)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                    setweight(to_tsvector('simple', $15), 'A') || setweight(to_tsvector('simple', $16), 'B'));
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
        batch.BatchCommands.Add(insert);

        AddLayers(batch, key, model);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new IngestResult(id, existing is null ? IngestStatus.New : IngestStatus.Updated);
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
