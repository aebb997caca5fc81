CREATE INDEX "groups_tenant_id_idx" ON "groups" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "people_tenant_id_idx" ON "people" USING btree ("tenant_id","id");