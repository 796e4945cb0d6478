-- Sitrep store on PostgreSQL, schema 4: the SQLite store's schema 4 in PostgreSQL types. Date windows read only the
-- days they ask for. Schema 3 bounded a date filter below by since - 366 days (a TIMEX3 value may cover a year), so a
-- 30-day window read about 13 months of index entries. Now an event whose value covers at most a week is found by
-- first_day in [since - 6 days, until], exactly; the few that cover more (a month, a year) are flagged long_span and
-- found through their own small partial index.
ALTER TABLE events ADD COLUMN long_span boolean NOT NULL DEFAULT false;
UPDATE events SET long_span = true WHERE last_day - first_day > 6;
CREATE INDEX events_long_days ON events (first_day, last_day) WHERE long_span;

-- A window without a type or a country (a radius, a place name, an actor's country) reads this index: the box on
-- (lat, lon) is tested in the index. Unlike SQLite's, it leaves out the place's name and words: a B-tree entry must
-- stay under about 2.7 kB, and a location's words are not bounded.
DROP INDEX events_day;
CREATE INDEX events_window ON events (first_day, last_day, lat, lon);
