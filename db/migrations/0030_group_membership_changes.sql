CREATE TABLE "group_membership_changes" (
	"group_id" uuid NOT NULL,
	"slot" smallint NOT NULL,
	"changes" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_membership_changes_group_id_slot_pk" PRIMARY KEY("group_id","slot")
);
--> statement-breakpoint
ALTER TABLE "group_membership_changes" ADD CONSTRAINT "group_membership_changes_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;