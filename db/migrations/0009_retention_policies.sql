CREATE TABLE "scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "purge_days_after_deletion" integer;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "purge_days_after_deactivation" integer;--> statement-breakpoint
CREATE INDEX "people_retention_deleted_idx" ON "people" USING btree ("integration_id","deleted_at") WHERE "people"."deleted_at" is not null and "people"."purged_at" is null;--> statement-breakpoint
CREATE INDEX "people_retention_deactivated_idx" ON "people" USING btree ("integration_id","deactivated_at") WHERE "people"."deactivated_at" is not null and "people"."purged_at" is null;--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_purge_days_after_deletion_range" CHECK ("integrations"."purge_days_after_deletion" between 1 and 3650);--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_purge_days_after_deactivation_range" CHECK ("integrations"."purge_days_after_deactivation" between 1 and 3650);