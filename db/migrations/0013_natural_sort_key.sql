-- Natural order for the console's sortable text columns ("User 2" before "User 10") in plain
-- SQL: PGlite has no ICU collations, so no `numeric=true` collation is available. Each run of
-- digits becomes its length (3 digits, zero-padded) followed by the digits, so a shorter
-- number sorts first and numbers of the same length sort by their digits; text runs stay as
-- they are. IMMUTABLE, so stored generated columns and indexes can use it. Null in, null out.
CREATE OR REPLACE FUNCTION natural_sort_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(string_agg(
    CASE WHEN m.part[1] ~ '^[0-9]' THEN lpad(length(m.part[1])::text, 3, '0') || m.part[1] ELSE m.part[1] END,
    '' ORDER BY m.n), '')
  FROM regexp_matches(value, '[0-9]+|[^0-9]+', 'g') WITH ORDINALITY AS m(part, n)
$$;
