using System.Collections.Concurrent;
using Sitrep.Serialization;
using Sitrep.Storage;
using Sitrep.Storage.Postgres;

namespace Sitrep.Tests.Storage;

/// <summary>
/// The store behaviour suite on PostgreSQL, each test in its own schema of the database named by
/// <c>SITREP_TEST_POSTGRES</c> (skipped with a reason when it is unset, failed in CI): see <see cref="PostgresTestServer"/>.
/// </summary>
public sealed class PostgresDocumentStoreTests : DocumentStoreContract, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _connectionStrings = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _schemas = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    protected override async Task<IDocumentStore> CreateStoreAsync() => new PostgresDocumentStore(await NewSchemaAsync());

    protected override IDocumentStore OpenSame(IDocumentStore store) => new PostgresDocumentStore(_connectionStrings[store.Location]);

    [Fact]
    public async Task New_schema_gets_a_schema_version_table_with_the_applied_migrations()
    {
        string connectionString = await NewSchemaAsync();
        await using var store = new PostgresDocumentStore(connectionString);

        MigrationResult result = await store.MigrateAsync(Token);

        Assert.Equal((0, PostgresDocumentStore.SchemaVersion), (result.FromVersion, result.ToVersion));
        Assert.Equal(["001_initial", "002_near_duplicates", "003_event_exports", "004_event_windows_and_merging", "005_pending_bands", "006_drop_name_indexes"], result.Applied);
        Assert.Equal("001_initial", await PostgresTestServer.ScalarAsync(connectionString, "SELECT name FROM schema_version WHERE version = 1;"));
        Assert.Equal("ok", await store.CheckIntegrityAsync(Token));
    }

    [Fact]
    public async Task Two_stores_migrating_one_schema_at_once_apply_each_migration_once()
    {
        string connectionString = await NewSchemaAsync();
        PostgresDocumentStore[] stores = [.. Enumerable.Range(0, 4).Select(_ => new PostgresDocumentStore(connectionString))];

        MigrationResult[] results = await Task.WhenAll(stores.Select(s => s.MigrateAsync(Token)));
        foreach (PostgresDocumentStore store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal(["001_initial", "002_near_duplicates", "003_event_exports", "004_event_windows_and_merging", "005_pending_bands", "006_drop_name_indexes"], results.SelectMany(r => r.Applied).Order(StringComparer.Ordinal));
        Assert.Equal((long)PostgresDocumentStore.SchemaVersion, await PostgresTestServer.ScalarAsync(connectionString, "SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public async Task Store_with_a_newer_schema_than_this_build_is_refused_with_a_reason()
    {
        string connectionString = await NewSchemaAsync();
        await using (var store = new PostgresDocumentStore(connectionString))
        {
            await store.MigrateAsync(Token);
        }

        await PostgresTestServer.ScalarAsync(connectionString, "INSERT INTO schema_version (version, name) VALUES (999, '999_future');");
        await using var again = new PostgresDocumentStore(connectionString);

        var error = await Assert.ThrowsAsync<DocumentStoreException>(() => again.GetSummaryAsync(Token));
        Assert.Contains("version 999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_uses_a_weighted_tsvector_of_folded_words_with_a_gin_index()
    {
        string connectionString = await NewSchemaAsync();
        await using var store = new PostgresDocumentStore(connectionString);
        await store.PutAsync(StoreDocuments.Extracted("tsv", "Les pompiers ont évacué l'école de Nîmes.", title: "Évacuation"), Token);

        Assert.Equal(Normalize("'evacuation':1A 'les':2B 'pompiers':3B 'ont':4B 'evacue':5B 'l':6B 'ecole':7B 'de':8B 'nimes':9B"),
            Normalize(await PostgresTestServer.ScalarAsync(connectionString, "SELECT search::text FROM articles WHERE id = 'tsv';")));
        Assert.Equal(true, await PostgresTestServer.ScalarAsync(connectionString, "SELECT search @@ to_tsquery('simple', 'evacu:* & nimes') FROM articles;"));
        Assert.Equal("gin", await PostgresTestServer.ScalarAsync(connectionString, """
            SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
            WHERE c.relname = 'articles_search' AND c.relnamespace = current_schema()::regnamespace;
            """));
    }

    [Fact]
    public async Task Title_matches_rank_before_text_matches()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.PutAsync(StoreDocuments.Extracted("in-text", "Le maire de Lviv a parlé. Les pompiers sont intervenus.", title: "Conseil"), Token);
        await store.PutAsync(StoreDocuments.Extracted("in-title", "Les pompiers sont intervenus.", title: "Lviv"), Token);

        IReadOnlyList<ArticleSummary> found = await store.FindArticlesAsync(new ArticleQuery { Text = "lviv" }, Token);

        Assert.Equal(["in-title", "in-text"], found.Select(a => a.Id));
    }

    [Fact]
    public async Task Article_too_long_for_one_tsvector_is_stored_and_searchable_by_its_beginning()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        SitrepDocumentModel full = StoreDocuments.Full("long-1");
        string words = string.Join(' ', Enumerable.Range(0, 150_000).Select(Word));
        var document = StoredDocument.FromModel(full with { Text = full.Text + " " + words });

        IngestResult result = await store.PutAsync(document, Token);

        Assert.Equal(IngestStatus.New, result.Status);
        Assert.Equal(document.Json, await store.GetJsonAsync("long-1", Token));
        Assert.Single(await store.FindArticlesAsync(new ArticleQuery { Text = "kharkiv " + Word(1000) }, Token));

        // Distinct made-up words ("baaaab", "caaaab" …), so the search vector grows with the text.
        static string Word(int i)
        {
            var word = new System.Text.StringBuilder("w");
            for (; i > 0; i /= 26)
            {
                word.Append((char)('a' + (i % 26)));
            }

            return word.Append("x").ToString();
        }
    }

    [Fact]
    public async Task Concurrent_puts_of_one_article_store_it_once_whichever_store_writes()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await using IDocumentStore other = OpenSame(store);
        StoredDocument document = StoreDocuments.Numbered(7);
        await store.MigrateAsync(Token);

        IngestResult[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? store : other).PutAsync(StoredDocument.FromJson(document.Json), Token), Token)));

        Assert.Equal(1, results.Count(r => r.Status == IngestStatus.New));
        Assert.Equal(7, results.Count(r => r.Status == IngestStatus.Duplicate));
        StoreSummary summary = await store.GetSummaryAsync(Token);
        Assert.Equal((1L, (long)document.Model.Sentences.Length), (summary.Articles, summary.Sentences));
    }

    [Fact]
    public async Task Overlapping_batches_from_two_stores_neither_deadlock_nor_store_twice()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await using IDocumentStore other = OpenSame(store);
        var documents = StoreDocuments.Batch(12);
        await store.MigrateAsync(Token);

        Task<IReadOnlyList<IngestResult>> forward = Task.Run(() => store.PutManyAsync(documents, Token), Token);
        Task<IReadOnlyList<IngestResult>> backward = Task.Run(() => other.PutManyAsync([.. documents.Reverse()], Token), Token);
        IReadOnlyList<IngestResult>[] results = await Task.WhenAll(forward, backward);

        Assert.Equal(12, results.SelectMany(r => r).Count(r => r.Status == IngestStatus.New));
        Assert.Equal(12, results.SelectMany(r => r).Count(r => r.Status == IngestStatus.Duplicate));
        Assert.Equal(12, (await store.GetSummaryAsync(Token)).Articles);
        Assert.Equal("ok", await store.CheckIntegrityAsync(Token));
    }

    [Fact]
    public async Task Articles_stored_before_near_duplicate_detection_are_signed_and_linked_when_the_store_is_opened()
    {
        string connectionString = await NewSchemaAsync();
        await using (var store = new PostgresDocumentStore(connectionString))
        {
            await store.PutAsync(StoreDocuments.Extracted("wire-1", StoreDocuments.WireStory), Token);
            await store.PutAsync(StoreDocuments.Extracted("paper-1", StoreDocuments.WireCopy), Token);
        }

        // As a schema-1 store upgraded by migration 002 leaves them: no signatures, bands or links.
        await PostgresTestServer.ScalarAsync(connectionString,
            "DELETE FROM article_bands; DELETE FROM article_signatures; UPDATE articles SET duplicate_of = NULL, duplicate_similarity = NULL;");
        await using var reopened = new PostgresDocumentStore(connectionString);

        ArticleSummary copy = Assert.Single(await reopened.FindArticlesAsync(new ArticleQuery { DuplicatesOf = "wire-1" }, Token));
        Assert.Equal("paper-1", copy.Id);
        Assert.Equal(2L, await PostgresTestServer.ScalarAsync(connectionString, "SELECT COUNT(*) FROM article_signatures;"));
        Assert.Equal("ok", await reopened.CheckIntegrityAsync(Token));
    }

    [Fact]
    public async Task Integrity_check_names_a_document_that_no_longer_matches_its_hash()
    {
        string connectionString = await NewSchemaAsync();
        await using var store = new PostgresDocumentStore(connectionString);
        await store.PutAsync(StoreDocuments.Numbered(1), Token);
        await store.PutAsync(StoreDocuments.Numbered(2), Token);

        await PostgresTestServer.ScalarAsync(connectionString, "UPDATE articles SET document = document || '\\x20'::bytea WHERE id = 'article-0002';");
        await PostgresTestServer.ScalarAsync(connectionString, "DELETE FROM sentences WHERE article = (SELECT key FROM articles WHERE id = 'article-0001');");

        string[] problems = (await store.CheckIntegrityAsync(Token)).Split('\n');
        Assert.Equal(
            ["article article-0001: sentence rows do not match its count", "article article-0002: document does not match its content hash"],
            problems.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("postgres://sitrep:s3cr%40t@db.example.org:5433/news?sslmode=require", "postgres://sitrep@db.example.org:5433/news")]
    [InlineData("postgresql://sitrep:s3cr%40t@localhost/news?search_path=store_a", "postgres://sitrep@localhost:5432/news?search_path=store_a")]
    [InlineData("Host=db.example.org;Port=5433;Database=news;Username=sitrep;Password=s3cr@t", "postgres://sitrep@db.example.org:5433/news")]
    [InlineData("postgres:///news", "postgres://localhost:5432/news")]
    public async Task Location_names_the_server_and_database_but_never_the_password(string location, string shown)
    {
        await using var store = new PostgresDocumentStore(location);

        Assert.Equal(shown, store.Location);
        Assert.DoesNotContain("s3cr", store.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Uri_options_are_read_with_libpq_spellings()
    {
        var builder = PostgresConnectionString.Parse("postgres://u:p%3Bw@h:6000/d%20b?sslmode=verify-full&search_path=s&connect_timeout=7&application_name=sitrep");

        Assert.Equal(("u", "p;w", "h", 6000, "d b", "s", 7, "sitrep"),
            (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database, builder.SearchPath, builder.Timeout, builder.ApplicationName));
        Assert.Equal(Npgsql.SslMode.VerifyFull, builder.SslMode);
        var error = Assert.Throws<DocumentStoreException>(() => PostgresConnectionString.Parse("postgres://u:hunter2@h/d?no_such_option=1"));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (string schema in _schemas)
        {
            await PostgresTestServer.DropSchemaAsync(schema);
        }
    }

    private async Task<string> NewSchemaAsync()
    {
        (string schema, string connectionString) = await PostgresTestServer.CreateSchemaAsync(Token);
        _schemas.Add(schema);
        await using (var store = new PostgresDocumentStore(connectionString))
        {
            _connectionStrings[store.Location] = connectionString;
        }

        return connectionString;
    }

    private static string Normalize(object? vector) => string.Join(' ', (vector as string ?? "").Split(' ').Order(StringComparer.Ordinal));
}
