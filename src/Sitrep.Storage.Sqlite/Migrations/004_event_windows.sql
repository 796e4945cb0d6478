-- Sitrep store, schema 4: date windows read only the days they ask for.
-- Schema 3 bounded a date filter below by since - 366 days (a TIMEX3 value may cover a year), so a 30-day window read
-- about 13 months of index entries. Now an event whose value covers at most a week (a day, a week: nearly all) is
-- found by first_day in [since - 6 days, until], exactly; the few that cover more (a month, a year) are flagged
-- long_span and found through their own small partial index.
ALTER TABLE events ADD COLUMN long_span INTEGER NOT NULL DEFAULT 0;
UPDATE events SET long_span = 1 WHERE julianday(last_day) - julianday(first_day) > 6;
CREATE INDEX events_long_days ON events (first_day, last_day) WHERE long_span = 1;

-- A window without a type or a country (a radius, a place name, an actor's country) reads this index: the box on
-- (lat, lon) and the place's name and words are tested in the index, and only the events kept are read.
DROP INDEX events_day;
CREATE INDEX events_window ON events (first_day, last_day, lat, lon, place_name, location_text);
