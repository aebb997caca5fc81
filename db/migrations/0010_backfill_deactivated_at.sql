-- Custom SQL migration file, put your code below! --
-- People already inactive: their grace period starts at their latest deactivation (or their
-- creation, when created inactive) as History recorded it, else at their last change.
UPDATE "people" SET "deactivated_at" = coalesce(
  (SELECT max(e."created_at") FROM "events" e
    WHERE e."tenant_id" = "people"."tenant_id" AND e."subject_type" = 'person'
      AND e."subject_id" = "people"."id" AND e."action" IN ('deactivated', 'created')),
  "people"."updated_at")
WHERE NOT "people"."active" AND "people"."purged_at" IS NULL;
