-- Sitrep store on PostgreSQL, schema 2: the SQLite store's schema 2 in PostgreSQL types. Near-duplicate
-- articles (wire copy republished with edits), found by MinHash over 5-word shingles with LSH bands
-- (Sitrep.Duplicates.NearDuplicateDetector). Each article keeps its own row and document; a near-duplicate is
-- linked to the earlier article it is closest to. Articles stored under schema 1 get their signature (and link)
-- from the store the first time it is opened by a build that knows schema 2.

-- The earlier article this one is a near-duplicate of: an id, not a key, so the link survives an update of that
-- article (which gives it a new key); with the estimated Jaccard similarity of their shingle sets.
ALTER TABLE articles ADD COLUMN duplicate_of text;
ALTER TABLE articles ADD COLUMN duplicate_similarity double precision;
CREATE INDEX articles_duplicate_of ON articles (duplicate_of);

-- MinHashSignature.ToBytes: the shingle count, then the 128 minimums, each 4 bytes little-endian.
CREATE TABLE article_signatures (
    article   bigint  PRIMARY KEY REFERENCES articles (key) ON DELETE CASCADE,
    signature bytea   NOT NULL
);

-- One row per LSH band key of an article's signature: articles sharing a key are the candidates compared.
CREATE TABLE article_bands (
    band    bigint  NOT NULL,
    article bigint  NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    PRIMARY KEY (band, article)
);
CREATE INDEX article_bands_article ON article_bands (article);
