-- Sitrep store, schema 1: the sitrep/1 contract as rows, plus the document itself.
-- Every child row belongs to one article (article = articles.key) and goes with it: ON DELETE CASCADE.
-- Spans are [start, end) UTF-16 offsets into the article's text, as in the contract.

CREATE TABLE articles (
    key                INTEGER PRIMARY KEY,
    id                 TEXT    NOT NULL UNIQUE,
    url                TEXT,
    title              TEXT,
    source             TEXT,
    language           TEXT    NOT NULL,
    published          TEXT,              -- as in the document: ISO 8601 date or date-time
    published_day      TEXT,              -- yyyy-MM-dd, for range filters
    published_inferred INTEGER NOT NULL,
    content_hash       TEXT    NOT NULL,  -- SHA-256 of the stored JSON
    sentence_count     INTEGER NOT NULL,
    entity_count       INTEGER NOT NULL,
    event_count        INTEGER NOT NULL,
    document           BLOB    NOT NULL,  -- the sitrep/1 JSON, UTF-8, compressed as document_encoding says
    document_encoding  TEXT    NOT NULL CHECK (document_encoding IN ('identity', 'br'))
);
CREATE INDEX articles_published_day ON articles (published_day);
CREATE INDEX articles_language ON articles (language, published_day);

CREATE TABLE sentences (
    article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    ord     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;

CREATE TABLE entities (
    article INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    id      TEXT    NOT NULL,
    type    TEXT    NOT NULL,
    name    TEXT    NOT NULL,
    country TEXT,
    place   TEXT,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities (name);

CREATE TABLE entity_roles (
    article INTEGER NOT NULL,
    entity  TEXT    NOT NULL,
    ord     INTEGER NOT NULL,
    role    TEXT    NOT NULL,
    PRIMARY KEY (article, entity, ord),
    FOREIGN KEY (article, entity) REFERENCES entities (article, id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE entity_mentions (
    article INTEGER NOT NULL,
    entity  TEXT    NOT NULL,
    ord     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT    NOT NULL,
    PRIMARY KEY (article, entity, ord),
    FOREIGN KEY (article, entity) REFERENCES entities (article, id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE places (
    article     INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    id          TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    geonames_id INTEGER,
    lat         REAL,
    lon         REAL,
    country     TEXT,
    admin1      TEXT,
    feature     TEXT,
    precision   TEXT,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE INDEX places_geonames ON places (geonames_id);

CREATE TABLE place_mentions (
    article INTEGER NOT NULL,
    place   TEXT    NOT NULL,
    ord     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT    NOT NULL,
    PRIMARY KEY (article, place, ord),
    FOREIGN KEY (article, place) REFERENCES places (article, id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE times (
    article   INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    id        TEXT    NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    value     TEXT,
    first_day TEXT,   -- the days the TIMEX3 value covers, yyyy-MM-dd; null for durations and references
    last_day  TEXT,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;

CREATE TABLE quotes (
    article        INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    id             TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    content_text   TEXT    NOT NULL,
    cue_start      INTEGER,
    cue_end        INTEGER,
    cue_text       TEXT,
    cue_lemma      TEXT,
    speaker_entity TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    speaker_text   TEXT,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;

CREATE TABLE events (
    article              INTEGER NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
    id                   TEXT    NOT NULL,
    type                 TEXT    NOT NULL,
    mode                 TEXT,
    cameo_root           TEXT,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    trigger_start        INTEGER NOT NULL,
    trigger_end          INTEGER NOT NULL,
    trigger_text         TEXT    NOT NULL,
    location_place       TEXT,
    location_start       INTEGER,
    location_end         INTEGER,
    location_text        TEXT,
    place_name           TEXT,    -- copied from the location's place, so filters need no join
    country              TEXT,    -- ISO 3166-1 alpha-2 of the location's place
    lat                  REAL,
    lon                  REAL,
    date_time            TEXT,
    date_value           TEXT,
    date_precision       TEXT,
    first_day            TEXT,    -- the days date_value covers, yyyy-MM-dd
    last_day             TEXT,
    dead_best            INTEGER,
    dead_low             INTEGER,
    dead_high            INTEGER,
    dead_start           INTEGER,
    dead_end             INTEGER,
    dead_text            TEXT,
    injured_best         INTEGER,
    injured_low          INTEGER,
    injured_high         INTEGER,
    injured_start        INTEGER,
    injured_end          INTEGER,
    injured_text         TEXT,
    modality             TEXT    NOT NULL,
    reporter_entity      TEXT,
    reporter_start       INTEGER,
    reporter_end         INTEGER,
    reporter_text        TEXT,
    sentence             INTEGER NOT NULL,
    confidence           REAL    NOT NULL,
    PRIMARY KEY (article, id)
) WITHOUT ROWID;
CREATE INDEX events_type_day ON events (type, first_day);
CREATE INDEX events_country_type_day ON events (country, type, first_day);
CREATE INDEX events_day ON events (first_day, last_day);

CREATE TABLE event_contexts (
    article INTEGER NOT NULL,
    event   TEXT    NOT NULL,
    context TEXT    NOT NULL,
    PRIMARY KEY (article, event, context),
    FOREIGN KEY (article, event) REFERENCES events (article, id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Actors and recipients of an event: role is 'actor' or 'recipient'.
CREATE TABLE event_participants (
    article INTEGER NOT NULL,
    event   TEXT    NOT NULL,
    role    TEXT    NOT NULL CHECK (role IN ('actor', 'recipient')),
    ord     INTEGER NOT NULL,
    entity  TEXT,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT    NOT NULL,
    country TEXT,
    sector  TEXT,
    PRIMARY KEY (article, event, role, ord),
    FOREIGN KEY (article, event) REFERENCES events (article, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX event_participants_country ON event_participants (country, role);

-- Full-text index over title and text; rowid = articles.key. Contentless: the text lives in the document.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
