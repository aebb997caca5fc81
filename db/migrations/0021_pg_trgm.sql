-- Trigram indexes let the People search's LIKE '%term%' read an index instead of every row.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it; PGlite
-- ships it and loads it where it is opened (db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
