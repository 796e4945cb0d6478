-- Sitrep store, schema 3: what event exports and the server's queries need.

-- The sentence an event was read from, copied beside it so an export (ACLED's notes column) needs no document
-- decompressed. Events stored under schema 2 keep null here until their article is ingested again.
ALTER TABLE events ADD COLUMN sentence_text TEXT;

-- Radius searches: a bounding box on latitude, then the exact distance, over the events that have coordinates.
CREATE INDEX events_lat_lon ON events (lat, lon) WHERE lat IS NOT NULL;

-- Newest-first listing and the date filters of an export.
CREATE INDEX events_last_day ON events (last_day);

-- Places grouped by name for the place list.
CREATE INDEX places_name ON places (name, country);
