ALTER TABLE "scim_requests" ADD COLUMN "body_truncated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "scim_requests" ADD COLUMN "authenticated" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "scim_requests" ADD COLUMN "source_address" text;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "rate_limit_per_second" integer;--> statement-breakpoint
CREATE INDEX "scim_requests_unauthenticated_idx" ON "scim_requests" USING btree ("integration_id","id") WHERE not "scim_requests"."authenticated";