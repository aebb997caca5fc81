-- Integration names become unique per tenant (case-insensitively, next migration). Where a
-- tenant has several with one name, the oldest keeps it and the others are numbered in
-- install order: "Microsoft Entra ID (2)", "(3)"… as new installs are named.
WITH ranked AS (
  SELECT id, name, row_number() OVER (PARTITION BY tenant_id, lower(name) ORDER BY created_at, id) AS n
  FROM integrations
)
UPDATE integrations
SET name = ranked.name || ' (' || ranked.n || ')'
FROM ranked
WHERE integrations.id = ranked.id AND ranked.n > 1;
