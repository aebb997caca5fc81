CREATE TABLE "integration_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"state" text,
	"detail" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scim_request_hours" (
	"integration_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"writes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "scim_request_hours_integration_id_hour_pk" PRIMARY KEY("integration_id","hour")
);
--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "notification_email" text;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "mass_change_threshold" integer;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "pause_on_mass_change" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "removals_paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "integrations" ADD COLUMN "mass_change_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "integration_alerts" ADD CONSTRAINT "integration_alerts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_alerts" ADD CONSTRAINT "integration_alerts_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scim_request_hours" ADD CONSTRAINT "scim_request_hours_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scim_request_hours" ADD CONSTRAINT "scim_request_hours_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_alerts_integration_idx" ON "integration_alerts" USING btree ("integration_id","topic","id");--> statement-breakpoint
CREATE INDEX "integration_alerts_tenant_idx" ON "integration_alerts" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE INDEX "events_removals_idx" ON "events" USING btree ("actor_id","created_at") WHERE "events"."action" in ('deactivated', 'deleted', 'deleted_hard');--> statement-breakpoint
CREATE INDEX "scim_requests_integration_time_idx" ON "scim_requests" USING btree ("integration_id","created_at");--> statement-breakpoint
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_mass_change_threshold_range" CHECK ("integrations"."mass_change_threshold" between 1 and 100000);