-- Custom SQL migration file, put your code below! --
-- Integrations installed before the matching policy existed keep today's behaviour: refuse.
UPDATE "integrations" SET "settings" = "settings" || '{"matchExisting": "refuse"}'::jsonb WHERE NOT ("settings" ? 'matchExisting');
