-- natural_sort_key (0013, 0029) with the same result for every value, computed without a query.
-- The body of 0029 ran a query (regexp_matches, string_agg) through the executor on every
-- call, three calls per person written: about 9 µs each on a 2-core server. Each statement
-- here is a plain expression, which PL/pgSQL evaluates without the executor: about 3.4 µs
-- for a value with numbers in it, and 1.2 µs for one without, which is returned as it is.
-- The stored sort keys do not change, so no row is rewritten.
CREATE OR REPLACE FUNCTION natural_sort_key(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
  texts text[];
  numbers text[];
  result text := '';
BEGIN
  IF value !~ '[0-9]' THEN
    RETURN value;
  END IF;
  -- The runs of digits in order, and the text around them: one more piece of text than
  -- numbers, empty where the value starts or ends with a digit.
  texts := regexp_split_to_array(value, '[0-9]+');
  numbers := array_remove(regexp_split_to_array(value, '[^0-9]+'), '');
  FOR i IN 1 .. cardinality(numbers) LOOP
    result := result || texts[i] || lpad(length(numbers[i])::text, 3, '0') || numbers[i];
  END LOOP;
  RETURN result || texts[cardinality(numbers) + 1];
END
$$;
