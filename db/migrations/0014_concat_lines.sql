-- concat_ws() is only STABLE, so a stored generated column cannot use it. For text values the
-- result depends on nothing but the arguments: declared IMMUTABLE here, nulls left out like
-- concat_ws, each value on its own line so a search pattern never matches across two values.
CREATE OR REPLACE FUNCTION concat_lines(VARIADIC parts text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT array_to_string(parts, E'\n') $$;
