using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Duplicates;
using Sitrep.Serialization;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Writes one document's rows on the store's single writer connection, reusing prepared statements:
/// the article (linked to its nearest earlier near-duplicate), then each contract list, then the full-text row and
/// the near-duplicate signature, whose LSH band rows wait in <c>article_bands_pending</c> until
/// <see cref="PendingBandsLimit"/> articles have some (schema 5). The caller owns the transaction.
/// </summary>
internal sealed class SqliteDocumentWriter : IDisposable
{
    /// <summary>
    /// How many articles' band rows wait before they go into <c>article_bands</c> together. Each look-up compares the
    /// pending signatures (kept in memory by the writer, read again after another connection's commit), and each batch
    /// writes every page of <c>article_bands</c> it touches once:
    /// 128 articles are 8,192 band rows, about one page per article on a store of 600 articles, 20 at 10,000, 55 at
    /// 100,000 (64 when each article wrote its own).
    /// </summary>
    internal const int PendingBandsLimit = 128;

    // Band rows per INSERT when pending rows move to article_bands: (band, article) pairs, $1 … $128.
    private const int BandRowsPerInsert = 64;

    private readonly SqliteCommand _findArticle;
    private readonly SqliteCommand _deleteArticle;
    private readonly SqliteCommand _deleteFts;
    private readonly SqliteCommand _insertArticle;
    private readonly SqliteCommand _insertFts;
    private readonly SqliteCommand _insertSentence;
    private readonly SqliteCommand _insertEntity;
    private readonly SqliteCommand _insertEntityRole;
    private readonly SqliteCommand _insertEntityMention;
    private readonly SqliteCommand _insertPlace;
    private readonly SqliteCommand _insertPlaceMention;
    private readonly SqliteCommand _insertTime;
    private readonly SqliteCommand _insertQuote;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _insertEventContext;
    private readonly SqliteCommand _findOrphans;
    private readonly SqliteCommand _findRoots;
    private readonly SqliteCommand _findRootsAlone;
    private readonly SqliteCommand _setMerge;
    private readonly SqliteCommand _insertParticipant;
    private readonly SqliteCommand _findCandidates;
    private readonly SqliteCommand _isLinkTarget;
    private readonly SqliteCommand _insertSignature;
    private readonly SqliteCommand _insertPending;
    private readonly SqliteCommand _findPending;
    private readonly SqliteCommand _dataVersion;
    private readonly SqliteCommand _clearPending;
    private readonly SqliteCommand _insertBandRows;
    private readonly SqliteCommand _insertBandRow;
    private readonly SqliteCommand _findUnsigned;
    private readonly SqliteCommand _setLink;
    private readonly SqliteCommand[] _all;

    // The pending signatures as this writer last read or wrote them (null: read them again). Valid while no other
    // connection has committed (PRAGMA data_version unchanged) and what this writer added was not rolled back
    // (the store calls Forget); a put compares with each of them, so they are not read back from the table every time.
    private List<(long Key, string Id, MinHashSignature Signature)>? _pending;
    private long _pendingVersion;

    public SqliteDocumentWriter(SqliteConnection connection)
    {
        _findArticle = Prepare(connection, "SELECT key, content_hash FROM articles WHERE id = $1;", 1);
        _deleteFts = Prepare(connection, "DELETE FROM articles_fts WHERE rowid = $1;", 1);
        _deleteArticle = Prepare(connection, "DELETE FROM articles WHERE key = $1;", 1);
        _insertArticle = Prepare(connection, """
            INSERT INTO articles (id, url, title, source, language, published, published_day, published_inferred, content_hash,
                                  sentence_count, entity_count, event_count, document, document_encoding, duplicate_of, duplicate_similarity)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING key;
            """, 16);
        _insertFts = Prepare(connection, "INSERT INTO articles_fts (rowid, title, text) VALUES ($1, $2, $3);", 3);
        _insertSentence = Prepare(connection, "INSERT INTO sentences (article, ord, start, \"end\") VALUES ($1, $2, $3, $4);", 4);
        _insertEntity = Prepare(connection, "INSERT INTO entities (article, id, type, name, country, place) VALUES ($1, $2, $3, $4, $5, $6);", 6);
        _insertEntityRole = Prepare(connection, "INSERT INTO entity_roles (article, entity, ord, role) VALUES ($1, $2, $3, $4);", 4);
        _insertEntityMention = Prepare(connection, "INSERT INTO entity_mentions (article, entity, ord, start, \"end\", text) VALUES ($1, $2, $3, $4, $5, $6);", 6);
        _insertPlace = Prepare(connection, """
            INSERT INTO places (article, id, name, geonames_id, lat, lon, country, admin1, feature, precision)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);
            """, 10);
        _insertPlaceMention = Prepare(connection, "INSERT INTO place_mentions (article, place, ord, start, \"end\", text) VALUES ($1, $2, $3, $4, $5, $6);", 6);
        _insertTime = Prepare(connection, """
            INSERT INTO times (article, id, start, "end", text, type, value, first_day, last_day) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);
            """, 9);
        _insertQuote = Prepare(connection, """
            INSERT INTO quotes (article, id, kind, content_start, content_end, content_text, cue_start, cue_end, cue_text, cue_lemma,
                                speaker_entity, speaker_start, speaker_end, speaker_text)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14);
            """, 14);
        _insertEvent = Prepare(connection, """
            INSERT INTO events (article, id, type, mode, cameo_root, acled_event_type, acled_sub_event_type,
                                trigger_start, trigger_end, trigger_text, location_place, location_start, location_end, location_text,
                                place_name, country, lat, lon, date_time, date_value, date_precision, first_day, last_day,
                                dead_best, dead_low, dead_high, dead_start, dead_end, dead_text,
                                injured_best, injured_low, injured_high, injured_start, injured_end, injured_text,
                                modality, reporter_entity, reporter_start, reporter_end, reporter_text, sentence, confidence, sentence_text, long_span,
                                merge_first, merge_report, merged, merged_article, merged_event)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                    $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44,
                    $45, $46, $47, $48, $49);
            """, 49);
        _findOrphans = Prepare(connection, """
            SELECT r.article, a.id, r.id, r.trigger_start, r.merge_report FROM events r JOIN articles a ON a.key = r.article
            WHERE r.merged = 1 AND r.merged_article = $1 AND r.merge_report IS NOT NULL;
            """, 1);
        // The roots of one type whose first day is in a window, other than the article's own (its predecessor's), with
        // the article keys of the reports merged into each. Those keys only matter when orphans are placed (a new article's
        // key is in no event yet), and a root many articles report has many: without orphans they are not read.
        const string roots = """
            SELECT e.article, a.id, e.id, e.trigger_start, e.merge_report, {0}
            FROM events e INDEXED BY events_merge_roots JOIN articles a ON a.key = e.article
            WHERE e.type = $1 AND e.merged = 0 AND e.merge_first IS NOT NULL AND e.merge_first BETWEEN $2 AND $3 AND a.id <> $4;
            """;
        _findRoots = Prepare(connection, string.Format(CultureInfo.InvariantCulture, roots,
            "(SELECT group_concat(r.article) FROM events r WHERE r.merged = 1 AND r.merged_article = a.id AND r.merged_event = e.id)"), 4);
        _findRootsAlone = Prepare(connection, string.Format(CultureInfo.InvariantCulture, roots, "NULL"), 4);
        _setMerge = Prepare(connection, "UPDATE events SET merged = $3, merged_article = $4, merged_event = $5 WHERE article = $1 AND id = $2;", 5);
        _insertEventContext = Prepare(connection, "INSERT OR IGNORE INTO event_contexts (article, event, context) VALUES ($1, $2, $3);", 3);
        _insertParticipant = Prepare(connection, """
            INSERT INTO event_participants (article, event, role, ord, entity, start, "end", text, country, sector)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);
            """, 10);
        string bands = string.Join(", ", Enumerable.Range(1, NearDuplicateDetector.Bands).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)));
        int idParameter = NearDuplicateDetector.Bands + 1;
        _findCandidates = Prepare(connection, $"""
            SELECT s.article, a.id, s.signature FROM article_signatures s JOIN articles a ON a.key = s.article
            WHERE s.article IN (SELECT article FROM article_bands WHERE band IN ({bands})) AND a.id <> ${idParameter};
            """, idParameter);
        _isLinkTarget = Prepare(connection, "SELECT EXISTS (SELECT 1 FROM articles WHERE duplicate_of = $1);", 1);
        _insertSignature = Prepare(connection, "INSERT INTO article_signatures (article, signature) VALUES ($1, $2);", 2);
        _insertPending = Prepare(connection, "INSERT OR IGNORE INTO article_bands_pending (article) VALUES ($1);", 1);
        _findPending = Prepare(connection, """
            SELECT p.article, a.id, s.signature FROM article_bands_pending p
            JOIN article_signatures s ON s.article = p.article JOIN articles a ON a.key = p.article;
            """, 0);
        _dataVersion = Prepare(connection, "PRAGMA data_version;", 0);
        _clearPending = Prepare(connection, "DELETE FROM article_bands_pending;", 0);
        string bandRows = string.Join(", ", Enumerable.Range(0, BandRowsPerInsert).Select(i =>
            "($" + ((2 * i) + 1).ToString(CultureInfo.InvariantCulture) + ", $" + ((2 * i) + 2).ToString(CultureInfo.InvariantCulture) + ")"));
        _insertBandRows = Prepare(connection, $"INSERT OR IGNORE INTO article_bands (band, article) VALUES {bandRows};", 2 * BandRowsPerInsert);
        _insertBandRow = Prepare(connection, "INSERT OR IGNORE INTO article_bands (band, article) VALUES ($1, $2);", 2);
        _findUnsigned = Prepare(connection, """
            SELECT a.key, a.id, a.document, a.document_encoding FROM articles a
            WHERE NOT EXISTS (SELECT 1 FROM article_signatures s WHERE s.article = a.key) ORDER BY a.key LIMIT 100;
            """, 0);
        _setLink = Prepare(connection, "UPDATE articles SET duplicate_of = $2, duplicate_similarity = $3 WHERE key = $1;", 3);
        _all =
        [
            _findOrphans, _findRoots, _findRootsAlone, _setMerge, _findCandidates, _isLinkTarget, _insertSignature, _insertPending, _findPending, _dataVersion,
            _clearPending, _insertBandRows, _insertBandRow, _findUnsigned, _setLink,
            _findArticle, _deleteFts, _deleteArticle, _insertArticle, _insertFts, _insertSentence, _insertEntity, _insertEntityRole,
            _insertEntityMention, _insertPlace, _insertPlaceMention, _insertTime, _insertQuote, _insertEvent, _insertEventContext, _insertParticipant,
        ];
    }

    /// <summary>Writes <paramref name="document"/>, whose JSON <see cref="DocumentCodec.Encode"/> gave <paramref name="stored"/>.</summary>
    /// <param name="document">The document.</param>
    /// <param name="stored">Its JSON as stored, encoded before the writer was taken.</param>
    /// <param name="transaction">The caller's transaction.</param>
    public IngestResult Put(StoredDocument document, (byte[] Bytes, string Encoding) stored, SqliteTransaction transaction)
    {
        foreach (SqliteCommand command in _all)
        {
            command.Transaction = transaction;
        }

        string id = document.ArticleId;
        IngestStatus status = IngestStatus.New;
        Bind(_findArticle, id);
        using (SqliteDataReader reader = _findArticle.ExecuteReader())
        {
            if (reader.Read())
            {
                long existing = reader.GetInt64(0);
                if (string.Equals(reader.GetString(1), document.ContentHash, StringComparison.Ordinal))
                {
                    return new IngestResult(id, IngestStatus.Duplicate);
                }

                reader.Close();
                Run(_deleteFts, existing);
                Run(_deleteArticle, existing);
                Forget(); // its pending row, if any, went with it
                status = IngestStatus.Updated;
            }
        }

        SitrepDocumentModel model = document.Model;
        ImmutableArray<EventReport> reports = document.Reports;
        StoredEventRoot?[] links = Merge(id, reports, status == IngestStatus.Updated);
        ArticleModel article = model.Article;
        (string Id, double Similarity)? duplicate = status == IngestStatus.Updated && IsLinkTarget(id) ? null : Nearest(id, document.Signature, NearDuplicateDetector.BandKeys(document.Signature));
        Bind(_insertArticle, id, article.Url, article.Title, article.Source, article.Language ?? "und", article.Published,
            Day(TimexRange.PublishedDay(article.Published)), article.PublishedInferred ? 1 : 0, document.ContentHash,
            model.Sentences.Length, model.Entities.Length, model.Events.Length, stored.Bytes, stored.Encoding, duplicate?.Id, duplicate?.Similarity);
        long key = Convert.ToInt64(_insertArticle.ExecuteScalar(), CultureInfo.InvariantCulture);

        WriteLayers(key, model, reports, links);
        Run(_insertFts, key, article.Title ?? "", model.Text);
        WriteSignature(key, id, document.Signature);
        return new IngestResult(id, status) { NearDuplicateOf = duplicate?.Id, Similarity = duplicate?.Similarity };
    }

    /// <summary>
    /// Gives up to 100 articles stored before schema 2 their signature, oldest first, each linked to its nearest
    /// earlier near-duplicate among the articles signed so far; returns how many it signed (0: none left).
    /// </summary>
    public int SignUnsigned(SqliteTransaction transaction)
    {
        foreach (SqliteCommand command in _all)
        {
            command.Transaction = transaction;
        }

        var unsigned = new List<(long Key, string Id, string Text)>();
        using (SqliteDataReader reader = _findUnsigned.ExecuteReader())
        {
            while (reader.Read())
            {
                string json = DocumentCodec.Decode((byte[])reader.GetValue(2), reader.GetString(3));
                unsigned.Add((reader.GetInt64(0), reader.GetString(1), SitrepJson.Deserialize(json).Text ?? ""));
            }
        }

        foreach ((long key, string id, string text) in unsigned)
        {
            MinHashSignature signature = NearDuplicateDetector.Default.Sign(text);
            ImmutableArray<long> bands = NearDuplicateDetector.BandKeys(signature);
            if (!IsLinkTarget(id) && Nearest(id, signature, bands) is (string duplicateOf, double similarity))
            {
                Run(_setLink, key, duplicateOf, similarity);
            }

            WriteSignature(key, id, signature);
        }

        return unsigned.Count;
    }

    private bool IsLinkTarget(string id)
    {
        Bind(_isLinkTarget, id);
        return Convert.ToInt64(_isLinkTarget.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>
    /// The most similar stored article (other than <paramref name="id"/>) sharing a band, if it is a near-duplicate: the
    /// articles found by their band rows, and the pending ones (no band rows yet) whose signature shares a band.
    /// </summary>
    private (string Id, double Similarity)? Nearest(string id, MinHashSignature signature, ImmutableArray<long> bands)
    {
        if (bands.IsEmpty)
        {
            return null;
        }

        for (int i = 0; i < bands.Length; i++)
        {
            _findCandidates.Parameters[i].Value = bands[i];
        }

        _findCandidates.Parameters[bands.Length].Value = id;
        var candidates = new List<(long Key, MinHashSignature Signature)>();
        var ids = new Dictionary<long, string>();
        using (SqliteDataReader reader = _findCandidates.ExecuteReader())
        {
            while (reader.Read())
            {
                long key = reader.GetInt64(0);
                ids[key] = reader.GetString(1);
                candidates.Add((key, MinHashSignature.FromBytes((byte[])reader.GetValue(2))));
            }
        }

        foreach ((long key, string pendingId, MinHashSignature pending) in Pending())
        {
            if (NearDuplicateDetector.ShareBand(signature, pending) && !string.Equals(pendingId, id, StringComparison.Ordinal) && ids.TryAdd(key, pendingId))
            {
                candidates.Add((key, pending));
            }
        }

        return NearDuplicateDetector.Default.Nearest(signature, candidates) is { } match ? (ids[match.Key], match.Similarity) : null;
    }

    /// <summary>
    /// Forgets the pending signatures this writer knows: after a rollback (of a transaction or a savepoint) they may name
    /// rows that are gone.
    /// </summary>
    public void Forget() => _pending = null;

    private List<(long Key, string Id, MinHashSignature Signature)> Pending()
    {
        long version = Convert.ToInt64(_dataVersion.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (_pending is null || version != _pendingVersion)
        {
            _pending = ReadPending();
            _pendingVersion = version;
        }

        return _pending;
    }

    private List<(long Key, string Id, MinHashSignature Signature)> ReadPending()
    {
        var pending = new List<(long Key, string Id, MinHashSignature Signature)>();
        using SqliteDataReader reader = _findPending.ExecuteReader();
        while (reader.Read())
        {
            pending.Add((reader.GetInt64(0), reader.GetString(1), MinHashSignature.FromBytes((byte[])reader.GetValue(2))));
        }

        return pending;
    }

    /// <summary>
    /// The signature row and, for a text with words, the pending row that stands for its band rows; when
    /// <see cref="PendingBandsLimit"/> articles are pending, their band rows go into <c>article_bands</c> in band order.
    /// </summary>
    private void WriteSignature(long key, string id, MinHashSignature signature)
    {
        Run(_insertSignature, key, signature.ToBytes());
        if (signature.IsEmpty)
        {
            return;
        }

        List<(long Key, string Id, MinHashSignature Signature)> known = Pending();
        Bind(_insertPending, key);
        if (_insertPending.ExecuteNonQuery() > 0)
        {
            known.Add((key, id, signature));
        }

        if (known.Count < PendingBandsLimit)
        {
            return;
        }

        var rows = new List<(long Band, long Article)>(PendingBandsLimit * NearDuplicateDetector.Bands);
        foreach ((long article, _, MinHashSignature pending) in known)
        {
            foreach (long band in NearDuplicateDetector.BandKeys(pending))
            {
                rows.Add((band, article));
            }
        }

        // In key order, so consecutive rows share a page of the B-tree.
        rows.Sort();
        int full = rows.Count - (rows.Count % BandRowsPerInsert);
        for (int start = 0; start < full; start += BandRowsPerInsert)
        {
            for (int i = 0; i < BandRowsPerInsert; i++)
            {
                _insertBandRows.Parameters[2 * i].Value = rows[start + i].Band;
                _insertBandRows.Parameters[(2 * i) + 1].Value = rows[start + i].Article;
            }

            _insertBandRows.ExecuteNonQuery();
        }

        for (int i = full; i < rows.Count; i++)
        {
            Run(_insertBandRow, rows[i].Band, rows[i].Article);
        }

        _clearPending.ExecuteNonQuery();
        known.Clear();
    }

    /// <summary>
    /// Decides which stored event each of the article's reports joins (<see cref="EventLinks.Plan"/>); when the article
    /// replaces a predecessor, first relinks the reports of other articles that had joined the predecessor's events.
    /// </summary>
    private StoredEventRoot?[] Merge(string id, ImmutableArray<EventReport> reports, bool replaced)
    {
        var orphans = new List<StoredEventRoot>();
        if (replaced)
        {
            Bind(_findOrphans, id);
            using SqliteDataReader reader = _findOrphans.ExecuteReader();
            while (reader.Read())
            {
                orphans.Add(new StoredEventRoot(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    EventLinks.Decode(reader.GetString(1), reader.GetString(2), reader.GetString(4)), []));
            }
        }

        // One window per type, over the reports and the orphans to place.
        var windows = new Dictionary<string, (DateOnly From, DateOnly To)>(StringComparer.Ordinal);
        foreach (EventReport report in reports.Concat(orphans.Select(o => o.Report)))
        {
            if (EventLinks.CandidateDays(report) is { } days)
            {
                windows[report.Type] = windows.TryGetValue(report.Type, out var known)
                    ? (known.From < days.From ? known.From : days.From, known.To > days.To ? known.To : days.To)
                    : days;
            }
        }

        var roots = new List<StoredEventRoot>();
        SqliteCommand findRoots = orphans.Count > 0 ? _findRoots : _findRootsAlone;
        foreach ((string type, (DateOnly from, DateOnly to)) in windows)
        {
            Bind(findRoots, type, Day(from), Day(to), id);
            using SqliteDataReader reader = findRoots.ExecuteReader();
            while (reader.Read())
            {
                ImmutableArray<long> members = reader.IsDBNull(5) ? [] : [.. reader.GetString(5).Split(',').Select(k => long.Parse(k, CultureInfo.InvariantCulture))];
                roots.Add(new StoredEventRoot(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    EventLinks.Decode(reader.GetString(1), reader.GetString(2), reader.GetString(4)), members));
            }
        }

        (IReadOnlyList<StoredEventRoot?> orphanLinks, IReadOnlyList<StoredEventRoot?> links) = EventLinks.Plan(reports, roots, orphans);
        for (int i = 0; i < orphans.Count; i++)
        {
            StoredEventRoot? root = orphanLinks[i];
            Run(_setMerge, orphans[i].ArticleKey, orphans[i].EventId, root is null ? 0 : 1, root?.ArticleId, root?.EventId);
        }

        return [.. links];
    }

    private void WriteLayers(long key, SitrepDocumentModel model, ImmutableArray<EventReport> reports, StoredEventRoot?[] links)
    {
        for (int i = 0; i < model.Sentences.Length; i++)
        {
            Run(_insertSentence, key, i, model.Sentences[i].Start, model.Sentences[i].End);
        }

        foreach (EntityModel entity in model.Entities)
        {
            Run(_insertEntity, key, entity.Id, entity.Type, entity.Name, entity.Country, entity.Place);
            for (int i = 0; i < entity.Roles.Length; i++)
            {
                Run(_insertEntityRole, key, entity.Id, i, entity.Roles[i]);
            }

            for (int i = 0; i < entity.Mentions.Length; i++)
            {
                SpanModel mention = entity.Mentions[i];
                Run(_insertEntityMention, key, entity.Id, i, mention.Start, mention.End, mention.Text);
            }
        }

        var places = new Dictionary<string, PlaceModel>(StringComparer.Ordinal);
        foreach (PlaceModel place in model.Places)
        {
            places.TryAdd(place.Id, place);
            Run(_insertPlace, key, place.Id, place.Name, place.GeonamesId, place.Lat, place.Lon, place.Country, place.Admin1, place.Feature, place.Precision);
            for (int i = 0; i < place.Mentions.Length; i++)
            {
                SpanModel mention = place.Mentions[i];
                Run(_insertPlaceMention, key, place.Id, i, mention.Start, mention.End, mention.Text);
            }
        }

        foreach (TimeModel time in model.Times)
        {
            TimexRange? range = TimexRange.Parse(time.Value);
            Run(_insertTime, key, time.Id, time.Start, time.End, time.Text, time.Type, time.Value, Day(range?.First), Day(range?.Last));
        }

        foreach (QuoteModel quote in model.Quotes)
        {
            Run(_insertQuote, key, quote.Id, quote.Kind, quote.Content.Start, quote.Content.End, quote.Content.Text,
                quote.Cue?.Start, quote.Cue?.End, quote.Cue?.Text, quote.Cue?.Lemma,
                quote.Speaker?.Entity, quote.Speaker?.Start, quote.Speaker?.End, quote.Speaker?.Text);
        }

        for (int i = 0; i < model.Events.Length; i++)
        {
            EventModel e = model.Events[i];
            EventReport report = reports[i];
            StoredEventRoot? root = links[i];
            bool mergeable = EventLinks.CanMerge(report);
            PlaceModel? place = e.Location?.Place is string placeId && places.TryGetValue(placeId, out PlaceModel? found) ? found : null;
            TimexRange? range = TimexRange.Parse(e.Date?.Value);
            Run(_insertEvent, key, e.Id, e.Type, e.Mode, e.CameoRoot, e.Acled?.EventType, e.Acled?.SubEventType,
                e.Trigger.Start, e.Trigger.End, e.Trigger.Text, e.Location?.Place, e.Location?.Start, e.Location?.End, e.Location?.Text,
                place?.Name, place?.Country, place?.Lat, place?.Lon, e.Date?.Time, e.Date?.Value, e.Date?.Precision, Day(range?.First), Day(range?.Last),
                e.Dead?.Best, e.Dead?.Low, e.Dead?.High, e.Dead?.Start, e.Dead?.End, e.Dead?.Text,
                e.Injured?.Best, e.Injured?.Low, e.Injured?.High, e.Injured?.Start, e.Injured?.End, e.Injured?.Text,
                e.Modality, e.Reporter?.Entity, e.Reporter?.Start, e.Reporter?.End, e.Reporter?.Text, e.Sentence, e.Confidence,
                StoreRows.SentenceText(model, e.Sentence), StoreRows.IsLongSpan(range) ? 1 : 0,
                mergeable ? Day(report.Days!.Value.First) : null, mergeable ? EventLinks.Encode(report) : null, root is null ? 0 : 1, root?.ArticleId, root?.EventId);
            foreach (string context in e.Context)
            {
                Run(_insertEventContext, key, e.Id, context);
            }

            WriteParticipants(key, e.Id, "actor", e.Actors);
            WriteParticipants(key, e.Id, "recipient", e.Recipients);
        }
    }

    private void WriteParticipants(long key, string eventId, string role, ImmutableArray<ActorModel> participants)
    {
        for (int i = 0; i < participants.Length; i++)
        {
            ActorModel p = participants[i];
            Run(_insertParticipant, key, eventId, role, i, p.Entity, p.Start, p.End, p.Text, p.Country, p.Sector);
        }
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        for (int i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (SqliteCommand command in _all)
        {
            command.Dispose();
        }
    }
}
