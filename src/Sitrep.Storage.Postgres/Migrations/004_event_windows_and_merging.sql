-- Sitrep store on PostgreSQL, schema 4: the SQLite store's schema 4 in PostgreSQL types. Date windows read only the
-- days they ask for, and the events several articles report are merged into one (issue 9).

-- Schema 3 bounded a date filter below by since - 366 days (a TIMEX3 value may cover a year), so a 30-day window read
-- about 13 months of index entries. Now an event whose value covers at most a week is found by first_day in
-- [since - 6 days, until], exactly; the few that cover more (a month, a year) are flagged long_span and found through
-- their own small partial index.
ALTER TABLE events ADD COLUMN long_span boolean NOT NULL DEFAULT false;
UPDATE events SET long_span = true WHERE last_day - first_day > 6;

-- Merging (Sitrep.Storage.EventLinks): each event keeps its report as the merge rules compare it (merge_report,
-- merge_first: the first of its days; null when it merges with nothing). An event that joined an earlier one, its
-- first report (the root), has merged set and the root's article id and event id (ids, not keys: the link is rebuilt
-- when either article is replaced). Events stored before schema 4 have no report and stay events of their own until
-- their article is ingested again. Parallel writers take advisory locks on (type, week) of the windows they read.
ALTER TABLE events ADD COLUMN merge_first date;
ALTER TABLE events ADD COLUMN merge_report text;
ALTER TABLE events ADD COLUMN merged boolean NOT NULL DEFAULT false;
ALTER TABLE events ADD COLUMN merged_article text;
ALTER TABLE events ADD COLUMN merged_event text;
-- The link names the root, or nothing.
ALTER TABLE events ADD CONSTRAINT events_merged_link CHECK (merged = (merged_article IS NOT NULL) AND merged = (merged_event IS NOT NULL));
-- The roots a new report may join: same type, first day in a window.
CREATE INDEX events_merge_roots ON events (type, merge_first) WHERE NOT merged AND merge_first IS NOT NULL;
-- The reports of a root.
CREATE INDEX events_merged_into ON events (merged_article, merged_event) WHERE merged;

-- The listing shows each merged event once (its root): every index a listing reads ends with merged. A window
-- without a type or a country (a radius, a place name, an actor's country) reads events_window, with the box on
-- (lat, lon). Unlike SQLite's, it leaves out the place's name and words: a B-tree entry must stay under about 2.7 kB,
-- and a location's words are not bounded. A country without a type reads events_country_days.
DROP INDEX events_type_days;
DROP INDEX events_country_type_days;
DROP INDEX events_day;
CREATE INDEX events_type_days ON events (type, first_day, last_day, merged);
CREATE INDEX events_country_type_days ON events (country, type, first_day, last_day, merged);
CREATE INDEX events_window ON events (first_day, last_day, merged, lat, lon);
CREATE INDEX events_country_days ON events (country, first_day, last_day, merged);
CREATE INDEX events_long_days ON events (first_day, last_day, merged) WHERE long_span;
