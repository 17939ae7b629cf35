CREATE TABLE "circle_events" (
	"circle_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "circle_events_circle_id_seq_pk" PRIMARY KEY("circle_id","seq")
);
--> statement-breakpoint
CREATE TABLE "circle_harvest_commitments" (
	"id" text PRIMARY KEY NOT NULL,
	"circle_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_person_id" text,
	"owner_organisation_id" text,
	"owner_unit" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"visibility" text DEFAULT 'program' NOT NULL,
	"commitment_id" text,
	CONSTRAINT "circle_harvest_commitments_owner" CHECK ("circle_harvest_commitments"."owner_person_id" is not null or "circle_harvest_commitments"."owner_organisation_id" is not null),
	CONSTRAINT "circle_harvest_commitments_visibility_known" CHECK ("circle_harvest_commitments"."visibility" in ('public', 'program', 'case_team'))
);
--> statement-breakpoint
CREATE TABLE "circle_harvest_reviews" (
	"circle_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circle_harvest_reviews_circle_id_participant_id_pk" PRIMARY KEY("circle_id","participant_id"),
	CONSTRAINT "circle_harvest_reviews_decision_known" CHECK ("circle_harvest_reviews"."decision" in ('approve', 'comment'))
);
--> statement-breakpoint
CREATE TABLE "circle_harvests" (
	"circle_id" text PRIMARY KEY NOT NULL,
	"themes" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"shared_at" timestamp with time zone,
	"finalised_at" timestamp with time zone,
	"written_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circle_harvests_status_known" CHECK ("circle_harvests"."status" in ('draft', 'shared', 'final'))
);
--> statement-breakpoint
CREATE TABLE "circle_invitees" (
	"id" text PRIMARY KEY NOT NULL,
	"circle_id" text NOT NULL,
	"person_id" text,
	"email" text,
	"language" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_24h_at" timestamp with time zone,
	"reminded_1h_at" timestamp with time zone,
	CONSTRAINT "circle_invitees_someone" CHECK ("circle_invitees"."person_id" is not null or "circle_invitees"."email" is not null)
);
--> statement-breakpoint
CREATE TABLE "circle_participants" (
	"id" text PRIMARY KEY NOT NULL,
	"circle_id" text NOT NULL,
	"person_id" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"language" text NOT NULL,
	"guidelines_version" integer NOT NULL,
	"agreed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_24h_at" timestamp with time zone,
	"reminded_1h_at" timestamp with time zone,
	CONSTRAINT "circle_participants_role_known" CHECK ("circle_participants"."role" in ('keeper', 'co_keeper', 'officer', 'resident', 'other')),
	CONSTRAINT "circle_participants_language_supported" CHECK ("circle_participants"."language" in ('en', 'es'))
);
--> statement-breakpoint
CREATE TABLE "circle_series" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"repeat" text NOT NULL,
	"count" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circle_series_repeat_known" CHECK ("circle_series"."repeat" in ('none', 'weekly', 'monthly')),
	CONSTRAINT "circle_series_count_range" CHECK ("circle_series"."count" between 1 and 52)
);
--> statement-breakpoint
CREATE TABLE "circle_transcripts" (
	"circle_id" text PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"kept_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purge_after" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circles" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"series_id" text,
	"series_position" integer DEFAULT 1 NOT NULL,
	"purpose" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"duration_minutes" integer DEFAULT 90 NOT NULL,
	"keeper_id" text NOT NULL,
	"co_keeper_id" text,
	"capacity" integer NOT NULL,
	"language" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"training" boolean DEFAULT false NOT NULL,
	"join_token_hash" text,
	"join_link_expires_at" timestamp with time zone,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"voice" jsonb,
	"cancelled_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circles_status_known" CHECK ("circles"."status" in ('scheduled', 'live', 'closed', 'cancelled')),
	CONSTRAINT "circles_capacity_range" CHECK ("circles"."capacity" between 5 and 30),
	CONSTRAINT "circles_language_supported" CHECK ("circles"."language" in ('en', 'es')),
	CONSTRAINT "circles_duration_range" CHECK ("circles"."duration_minutes" between 15 and 480),
	CONSTRAINT "circles_co_keeper_differs" CHECK ("circles"."co_keeper_id" is distinct from "circles"."keeper_id"),
	CONSTRAINT "circles_closed_when" CHECK (("circles"."status" = 'closed') = ("circles"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "transcript_retention_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "support_resources" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" text;--> statement-breakpoint
ALTER TABLE "circle_events" ADD CONSTRAINT "circle_events_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_harvest_commitments" ADD CONSTRAINT "circle_harvest_commitments_circle_id_circle_harvests_circle_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circle_harvests"("circle_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_harvest_commitments" ADD CONSTRAINT "circle_harvest_commitments_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_harvest_commitments" ADD CONSTRAINT "circle_harvest_commitments_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_harvest_commitments" ADD CONSTRAINT "circle_harvest_commitments_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_harvest_reviews" ADD CONSTRAINT "circle_harvest_reviews_circle_id_circle_harvests_circle_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circle_harvests"("circle_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_harvest_reviews" ADD CONSTRAINT "circle_harvest_reviews_participant_id_circle_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."circle_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_harvests" ADD CONSTRAINT "circle_harvests_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_harvests" ADD CONSTRAINT "circle_harvests_written_by_people_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_invitees" ADD CONSTRAINT "circle_invitees_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_invitees" ADD CONSTRAINT "circle_invitees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_invitees" ADD CONSTRAINT "circle_invitees_invited_by_people_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_participants" ADD CONSTRAINT "circle_participants_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_participants" ADD CONSTRAINT "circle_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_series" ADD CONSTRAINT "circle_series_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_series" ADD CONSTRAINT "circle_series_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_transcripts" ADD CONSTRAINT "circle_transcripts_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circles" ADD CONSTRAINT "circles_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circles" ADD CONSTRAINT "circles_series_id_circle_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."circle_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circles" ADD CONSTRAINT "circles_keeper_id_people_id_fk" FOREIGN KEY ("keeper_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circles" ADD CONSTRAINT "circles_co_keeper_id_people_id_fk" FOREIGN KEY ("co_keeper_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circles" ADD CONSTRAINT "circles_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "circle_harvest_commitments_circle" ON "circle_harvest_commitments" USING btree ("circle_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "circle_invitees_token" ON "circle_invitees" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "circle_invitees_person" ON "circle_invitees" USING btree ("circle_id","person_id") WHERE "circle_invitees"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "circle_participants_person" ON "circle_participants" USING btree ("circle_id","person_id");--> statement-breakpoint
CREATE INDEX "circle_transcripts_purge_after" ON "circle_transcripts" USING btree ("purge_after");--> statement-breakpoint
CREATE UNIQUE INDEX "circles_join_token" ON "circles" USING btree ("join_token_hash");--> statement-breakpoint
CREATE INDEX "circles_program_starts" ON "circles" USING btree ("program_id","starts_at");--> statement-breakpoint
CREATE INDEX "circles_series" ON "circles" USING btree ("series_id","series_position");