-- Sitrep store on PostgreSQL, schema 5: no change to its tables; this script keeps the two stores' schema versions in
-- step. The SQLite store's schema 5 holds the newest articles' LSH band rows in a small pending table and moves them
-- into article_bands in batches, because SQLite's WAL writes every changed page in full and the 64 random band keys
-- of one article changed ~64 pages of article_bands per commit. PostgreSQL's WAL records the changed rows (a whole
-- page only at its first change after a checkpoint) and several workers may write at once, so its writer goes on
-- writing each article's band rows with the article.
SELECT 1;
