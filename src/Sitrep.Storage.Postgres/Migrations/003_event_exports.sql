-- Sitrep store on PostgreSQL, schema 3: the SQLite store's schema 3 in PostgreSQL types. What event exports and
-- the server's queries need.

-- The sentence an event was read from, copied beside it so an export (ACLED's notes column) needs no document
-- read. Events stored under schema 2 keep null here until their article is ingested again.
ALTER TABLE events ADD COLUMN sentence_text text;

-- Radius searches: a bounding box on latitude, then the exact distance, over the events that have coordinates.
CREATE INDEX events_lat_lon ON events (lat, lon) WHERE lat IS NOT NULL;

-- Date filters keep an event whose days [first_day, last_day] overlap [since, until]. A TIMEX3 value covers a year
-- at most, so the store also bounds first_day from below (since - 366 days) and the scan is a range of first_day;
-- last_day in the index decides the overlap without reading the row. Replaces the schema 1 indexes on (…, first_day).
DROP INDEX events_type_day;
DROP INDEX events_country_type_day;
CREATE INDEX events_type_days ON events (type, first_day, last_day);
CREATE INDEX events_country_type_days ON events (country, type, first_day, last_day);

-- The actor's or recipient's country (alpha-3) is asked of each candidate event: (country, article, event) answers
-- it with one probe, where schema 1's (country, role) index made every probe read all participants of that country.
DROP INDEX event_participants_country;
CREATE INDEX event_participants_country_event ON event_participants (country, article, event);

-- Places grouped by name for the place list.
CREATE INDEX places_name ON places (name, country);
