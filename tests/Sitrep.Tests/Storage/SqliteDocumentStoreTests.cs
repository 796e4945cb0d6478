using Microsoft.Data.Sqlite;
using Sitrep.Duplicates;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Tests.Storage;

/// <summary>The store behaviour suite on SQLite, one temporary database file per test.</summary>
public sealed class SqliteDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sitrep-store-").FullName;

    protected override Task<IDocumentStore> CreateStoreAsync() =>
        Task.FromResult<IDocumentStore>(new SqliteDocumentStore(Path.Combine(_directory, "test.db")));

    protected override IDocumentStore OpenSame(IDocumentStore store) => new SqliteDocumentStore(store.Location);

    [Fact]
    public async Task New_store_file_is_in_wal_mode_with_a_schema_version_table()
    {
        await using var store = new SqliteDocumentStore(Path.Combine(_directory, "fresh.db"));

        MigrationResult result = await store.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal((0, SqliteDocumentStore.SchemaVersion), (result.FromVersion, result.ToVersion));
        Assert.Equal(["001_initial", "002_near_duplicates", "003_event_exports", "004_event_windows_and_merging", "005_pending_bands", "006_drop_name_indexes"], result.Applied);
        Assert.Equal("wal", Scalar(store.Location, "PRAGMA journal_mode;"));
        Assert.Equal("001_initial", Scalar(store.Location, "SELECT name FROM schema_version WHERE version = 1;"));
        Assert.Equal("ok", await store.CheckIntegrityAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Store_with_a_newer_schema_than_this_build_is_refused_with_a_reason()
    {
        string path = Path.Combine(_directory, "newer.db");
        await using (var store = new SqliteDocumentStore(path))
        {
            await store.MigrateAsync(TestContext.Current.CancellationToken);
        }

        Scalar(path, "INSERT INTO schema_version (version, name) VALUES (999, '999_future');");
        await using var again = new SqliteDocumentStore(path);

        var error = await Assert.ThrowsAsync<DocumentStoreException>(() => again.GetSummaryAsync(TestContext.Current.CancellationToken));
        Assert.Contains("version 999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Large_documents_are_stored_compressed()
    {
        await using var store = new SqliteDocumentStore(Path.Combine(_directory, "compressed.db"));
        StoredDocument document = StoreDocuments.Extracted("big", string.Join(' ', Enumerable.Repeat("Les pompiers sont intervenus à Nîmes après les pluies.", 50)));

        await store.PutAsync(document, TestContext.Current.CancellationToken);

        Assert.Equal("br", Scalar(store.Location, "SELECT document_encoding FROM articles WHERE id = 'big';"));
        Assert.True(Convert.ToInt64(Scalar(store.Location, "SELECT length(document) FROM articles WHERE id = 'big';"), System.Globalization.CultureInfo.InvariantCulture)
            < System.Text.Encoding.UTF8.GetByteCount(document.Json) / 4);
    }

    [Fact]
    public async Task Articles_stored_before_near_duplicate_detection_are_signed_and_linked_when_the_store_is_opened()
    {
        string path = Path.Combine(_directory, "upgraded.db");
        await using (var store = new SqliteDocumentStore(path))
        {
            await store.PutAsync(StoreDocuments.Extracted("wire-1", StoreDocuments.WireStory), TestContext.Current.CancellationToken);
            await store.PutAsync(StoreDocuments.Extracted("paper-1", StoreDocuments.WireCopy), TestContext.Current.CancellationToken);
        }

        // As a schema-1 store upgraded by migration 002 leaves them: no signatures, bands or links.
        Scalar(path, "DELETE FROM article_bands; DELETE FROM article_signatures; UPDATE articles SET duplicate_of = NULL, duplicate_similarity = NULL;");
        await using var reopened = new SqliteDocumentStore(path);

        ArticleSummary copy = Assert.Single(await reopened.FindArticlesAsync(new ArticleQuery { DuplicatesOf = "wire-1" }, TestContext.Current.CancellationToken));
        Assert.Equal("paper-1", copy.Id);
        Assert.Equal(2L, Scalar(path, "SELECT COUNT(*) FROM article_signatures;"));
        Assert.Equal("ok", await reopened.CheckIntegrityAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Band_rows_wait_in_the_pending_table_and_move_in_one_batch_while_copies_are_found_before_and_after_issue_9()
    {
        string path = Path.Combine(_directory, "pending.db");
        await using var store = new SqliteDocumentStore(path);
        CancellationToken token = TestContext.Current.CancellationToken;
        await store.PutAsync(StoreDocuments.Extracted("wire-1", StoreDocuments.WireStory), token);

        // A copy of a pending article is found by comparing signatures band by band.
        IngestResult pendingCopy = await store.PutAsync(StoreDocuments.Extracted("paper-1", StoreDocuments.WireCopy), token);
        Assert.Equal((0L, 2L), ((long)Scalar(path, "SELECT COUNT(*) FROM article_bands;")!, (long)Scalar(path, "SELECT COUNT(*) FROM article_bands_pending;")!));

        // The article that makes PendingBandsLimit pending moves them all into article_bands.
        for (int i = 0; i < SqliteDocumentWriter.PendingBandsLimit - 2; i++)
        {
            await store.PutAsync(StoreDocuments.Numbered(i), token);
        }

        long bandRows = (long)Scalar(path, "SELECT COUNT(*) FROM article_bands;")!;
        long pending = (long)Scalar(path, "SELECT COUNT(*) FROM article_bands_pending;")!;

        // A copy of an article whose band rows were moved is found through them; replacing a pending article drops its row.
        IngestResult indexedCopy = await store.PutAsync(StoreDocuments.Extracted("paper-2", StoreDocuments.WireCopy, title: "Autre titre"), token);
        IngestResult replaced = await store.PutAsync(StoreDocuments.Extracted("paper-2", StoreDocuments.WireCopy, title: "Titre corrigé"), token);

        Assert.Equal(("wire-1", "paper-1", 1.0), (pendingCopy.NearDuplicateOf, indexedCopy.NearDuplicateOf, indexedCopy.Similarity));
        Assert.Equal((0L, NearDuplicateDetector.Bands * (long)SqliteDocumentWriter.PendingBandsLimit), (pending, bandRows));
        Assert.Equal((IngestStatus.Updated, "paper-1"), (replaced.Status, replaced.NearDuplicateOf));
        Assert.Equal(1L, Scalar(path, "SELECT COUNT(*) FROM article_bands_pending;"));
        Assert.Equal("ok", await store.CheckIntegrityAsync(token));
        Assert.Equal(0L, Scalar(path, "SELECT COUNT(*) FROM pragma_foreign_key_check;"));
    }

    [Fact]
    public async Task A_pending_article_another_store_object_committed_is_seen_by_a_writer_that_remembers_its_own_issue_9()
    {
        string path = Path.Combine(_directory, "pending-shared.db");
        CancellationToken token = TestContext.Current.CancellationToken;
        await using var first = new SqliteDocumentStore(path);
        await using var second = new SqliteDocumentStore(path);
        await first.PutAsync(StoreDocuments.Numbered(1), token);

        // The story is committed by the other writer while the first one remembers its own pending signatures
        // (PRAGMA data_version tells it to read them again).
        await second.PutAsync(StoreDocuments.Extracted("wire-1", StoreDocuments.WireStory), token);
        IngestResult copy = await first.PutAsync(StoreDocuments.Extracted("paper-1", StoreDocuments.WireCopy), token);
        IngestResult again = await second.PutAsync(StoreDocuments.Extracted("paper-2", StoreDocuments.WireCopy, title: "Autre titre"), token);

        Assert.Equal(("wire-1", "paper-1"), (copy.NearDuplicateOf, again.NearDuplicateOf));
        Assert.Equal(4L, Scalar(path, "SELECT COUNT(*) FROM article_bands_pending;"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection another test still holds; the temporary folder is left for the OS to clean.
        }
    }

    internal static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
