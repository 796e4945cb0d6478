-- Sitrep store, schema 6: three indexes that cost every put and helped no query (issue 9).
-- The entity and place lists filter names with LIKE '%…%' (a part of the name), which a B-tree on the name cannot
-- seek, and group by more columns than the index holds: scanning the index instead of the table only added a random
-- row read per entry. Measured on a copy of a store with 50,000 articles (984k entities, 280k places): the entity list
-- filtered by a name part 3.9 s with the index, 0.12 s without; by type 5.2 s and 1.3 s; the place list by a name part
-- 1.3 s and 0.09 s, by country 1.5 s and 0.12 s. No query reads places by GeoNames id. Each put wrote about 20 pages
-- of entities_name and 11 of the two place indexes (random keys), a third of its WAL pages (docs/BENCHMARKS.md).
DROP INDEX entities_name;
DROP INDEX places_name;
DROP INDEX places_geonames;
