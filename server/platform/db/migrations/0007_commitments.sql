CREATE TABLE "commitment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commitment_id" text NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_reminders" (
	"commitment_id" text NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_reminders_commitment_id_kind_due_on_pk" PRIMARY KEY("commitment_id","kind","due_on"),
	CONSTRAINT "commitment_reminders_kind_known" CHECK ("commitment_reminders"."kind" in ('due_soon', 'overdue'))
);
--> statement-breakpoint
CREATE TABLE "commitment_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"organisation_id" text,
	"program_id" text,
	"address" text NOT NULL,
	"address_hash" text NOT NULL,
	"language" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmation_sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_subscriptions_scope_shape" CHECK (("commitment_subscriptions"."scope" = 'organisation' and "commitment_subscriptions"."organisation_id" is not null
           and "commitment_subscriptions"."program_id" is null)
        or ("commitment_subscriptions"."scope" = 'program' and "commitment_subscriptions"."program_id" is not null
           and "commitment_subscriptions"."organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"source_id" text,
	"source_label" text DEFAULT '' NOT NULL,
	"owner_organisation_id" text NOT NULL,
	"owner_unit" text DEFAULT '' NOT NULL,
	"owner_person_id" text,
	"visibility" text NOT NULL,
	"public_title" text,
	"public_description" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"due_on" date NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"verified_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_status_known" CHECK ("commitments"."status" in ('planned', 'in_progress', 'done', 'not_done', 'changed')),
	CONSTRAINT "commitments_source_known" CHECK ("commitments"."source" in ('circle', 'conference', 'dialogue', 'manual')),
	CONSTRAINT "commitments_visibility_known" CHECK ("commitments"."visibility" in ('public', 'program', 'case_team')),
	CONSTRAINT "commitments_percent_range" CHECK ("commitments"."percent" between 0 and 100),
	CONSTRAINT "commitments_source_linked" CHECK (("commitments"."source" = 'manual') = ("commitments"."source_id" is null)),
	CONSTRAINT "commitments_conference_public_deidentified" CHECK (not ("commitments"."source" = 'conference' and "commitments"."visibility" = 'public'
               and "commitments"."public_title" is null))
);
--> statement-breakpoint
ALTER TABLE "commitment_events" ADD CONSTRAINT "commitment_events_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_events" ADD CONSTRAINT "commitment_events_by_people_id_fk" FOREIGN KEY ("by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_reminders" ADD CONSTRAINT "commitment_reminders_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_subscriptions" ADD CONSTRAINT "commitment_subscriptions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_subscriptions" ADD CONSTRAINT "commitment_subscriptions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_events_commitment" ON "commitment_events" USING btree ("commitment_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_subscriptions_one_per_address" ON "commitment_subscriptions" USING btree ("address_hash",coalesce("organisation_id", ''),coalesce("program_id", ''));--> statement-breakpoint
CREATE INDEX "commitments_program_due" ON "commitments" USING btree ("program_id","due_on");--> statement-breakpoint
CREATE INDEX "commitments_owner_person" ON "commitments" USING btree ("owner_person_id");--> statement-breakpoint
CREATE INDEX "commitments_public" ON "commitments" USING btree ("program_id","updated_at" DESC NULLS LAST) WHERE "commitments"."visibility" = 'public';