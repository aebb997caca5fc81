CREATE TABLE "sign_in_throttle" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sign_in_throttle_last_failure_idx" ON "sign_in_throttle" USING btree ("last_failure_at");--> statement-breakpoint
ALTER TABLE "console_users" DROP COLUMN "failed_sign_ins";--> statement-breakpoint
ALTER TABLE "console_users" DROP COLUMN "locked_until";