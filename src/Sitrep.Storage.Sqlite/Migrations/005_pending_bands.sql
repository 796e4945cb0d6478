-- Sitrep store, schema 5: the near-duplicate band rows of the newest articles wait in a small table and reach
-- article_bands in batches (issue 9: ingest speed with one transaction per article).

-- article_bands is keyed by random band keys, so the 64 rows of one article land on ~64 different pages of its B-tree,
-- and SQLite's WAL writes every page a transaction changes in full: ~256 kB per article, most of a per-article commit.
-- Now an article's signature is written with one row here (appended: one page), and the look-up compares the new
-- signature band by band with each pending one (the same candidates the band rows would give). When SqliteDocumentWriter
-- counts PendingBandsLimit pending articles, their band rows go into article_bands in band order in that article's
-- transaction, and the pending rows are deleted, so each page of article_bands is written once per batch, not once per
-- article. A crash loses nothing: the pending rows commit with their article.
CREATE TABLE article_bands_pending (
    article INTEGER PRIMARY KEY REFERENCES article_signatures (article) ON DELETE CASCADE
);
