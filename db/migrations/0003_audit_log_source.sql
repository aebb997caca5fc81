ALTER TABLE "audit_log" ADD COLUMN "source_address" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "user_agent" text;