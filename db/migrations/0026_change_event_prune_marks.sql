CREATE TABLE "change_event_prune_marks" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"tx_id" bigint NOT NULL,
	"id" bigint NOT NULL,
	"pruned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "change_event_prune_marks" ADD CONSTRAINT "change_event_prune_marks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;