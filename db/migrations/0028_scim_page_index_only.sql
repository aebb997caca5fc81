DROP INDEX "groups_integration_idx";--> statement-breakpoint
DROP INDEX "people_integration_idx";--> statement-breakpoint
CREATE INDEX "groups_integration_idx" ON "groups" USING btree ("integration_id","created_at","id","tenant_id","deleted_at");--> statement-breakpoint
CREATE INDEX "people_integration_idx" ON "people" USING btree ("integration_id","created_at","id","tenant_id","deleted_at");