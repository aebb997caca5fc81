CREATE INDEX "events_request_idx" ON "events" USING btree ("tenant_id","request_id") WHERE "events"."request_id" is not null;--> statement-breakpoint
CREATE INDEX "scim_requests_tenant_idx" ON "scim_requests" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "scim_requests_tenant_failures_idx" ON "scim_requests" USING btree ("tenant_id","id") WHERE "scim_requests"."status" >= 400;--> statement-breakpoint
CREATE INDEX "scim_requests_request_id_idx" ON "scim_requests" USING btree ("tenant_id","request_id");--> statement-breakpoint
CREATE INDEX "scim_requests_user_path_idx" ON "scim_requests" USING btree ("tenant_id",right("path", 36)) WHERE "scim_requests"."path" ~ '/Users/[^/]+$';