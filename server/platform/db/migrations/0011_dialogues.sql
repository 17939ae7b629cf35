CREATE TABLE "dialogue_participants" (
	"id" text PRIMARY KEY NOT NULL,
	"dialogue_id" text NOT NULL,
	"person_id" text,
	"role" text NOT NULL,
	"display_name" text NOT NULL,
	"neighbourhood" text DEFAULT '' NOT NULL,
	"language" text NOT NULL,
	"imported_id" text,
	"blocked_at" timestamp with time zone,
	"blocked_reason" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_participants_role_known" CHECK ("dialogue_participants"."role" in ('resident', 'officer', 'other'))
);
--> statement-breakpoint
CREATE TABLE "dialogue_reports" (
	"statement_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"reason" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_reports_statement_id_participant_id_pk" PRIMARY KEY("statement_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_responses" (
	"statement_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_responses_statement_id_participant_id_pk" PRIMARY KEY("statement_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_statements" (
	"id" text PRIMARY KEY NOT NULL,
	"dialogue_id" text NOT NULL,
	"number" integer NOT NULL,
	"author_participant_id" text,
	"text" text NOT NULL,
	"normalised" text NOT NULL,
	"language" text NOT NULL,
	"status" text NOT NULL,
	"crisis" boolean DEFAULT false NOT NULL,
	"reason" text,
	"moderated_by" text,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_statements_status_known" CHECK ("dialogue_statements"."status" in ('pending', 'held', 'accepted', 'rejected', 'hidden')),
	CONSTRAINT "dialogue_statements_length" CHECK (char_length("dialogue_statements"."text") between 1 and 280)
);
--> statement-breakpoint
CREATE TABLE "dialogue_votes" (
	"dialogue_id" text NOT NULL,
	"statement_id" text NOT NULL,
	"participant_id" text NOT NULL,
	"vote" smallint NOT NULL,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_votes_statement_id_participant_id_pk" PRIMARY KEY("statement_id","participant_id"),
	CONSTRAINT "dialogue_votes_known" CHECK ("dialogue_votes"."vote" in (-1, 0, 1))
);
--> statement-breakpoint
CREATE TABLE "dialogues" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"audience" text NOT NULL,
	"moderation" text NOT NULL,
	"languages" text[] NOT NULL,
	"group_threshold" integer DEFAULT 5 NOT NULL,
	"join_token_hash" text,
	"results_public" boolean DEFAULT false NOT NULL,
	"synthesis" text DEFAULT '' NOT NULL,
	"imported_from" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogues_audience_known" CHECK ("dialogues"."audience" in ('public', 'invited')),
	CONSTRAINT "dialogues_moderation_known" CHECK ("dialogues"."moderation" in ('before', 'after')),
	CONSTRAINT "dialogues_closes_after_opening" CHECK ("dialogues"."closes_at" > "dialogues"."opens_at")
);
--> statement-breakpoint
ALTER TABLE "dialogue_participants" ADD CONSTRAINT "dialogue_participants_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_participants" ADD CONSTRAINT "dialogue_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_reports" ADD CONSTRAINT "dialogue_reports_statement_id_dialogue_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."dialogue_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_reports" ADD CONSTRAINT "dialogue_reports_participant_id_dialogue_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."dialogue_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_responses" ADD CONSTRAINT "dialogue_responses_statement_id_dialogue_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."dialogue_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_responses" ADD CONSTRAINT "dialogue_responses_participant_id_dialogue_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."dialogue_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_statements" ADD CONSTRAINT "dialogue_statements_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_statements" ADD CONSTRAINT "dialogue_statements_author_participant_id_dialogue_participants_id_fk" FOREIGN KEY ("author_participant_id") REFERENCES "public"."dialogue_participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_statements" ADD CONSTRAINT "dialogue_statements_moderated_by_people_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_votes" ADD CONSTRAINT "dialogue_votes_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_votes" ADD CONSTRAINT "dialogue_votes_statement_id_dialogue_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."dialogue_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_votes" ADD CONSTRAINT "dialogue_votes_participant_id_dialogue_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."dialogue_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogues" ADD CONSTRAINT "dialogues_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogues" ADD CONSTRAINT "dialogues_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_participants_person" ON "dialogue_participants" USING btree ("dialogue_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_statements_number" ON "dialogue_statements" USING btree ("dialogue_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_statements_unique_words" ON "dialogue_statements" USING btree ("dialogue_id","normalised") WHERE "dialogue_statements"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "dialogue_votes_dialogue" ON "dialogue_votes" USING btree ("dialogue_id");--> statement-breakpoint
CREATE INDEX "dialogue_votes_participant" ON "dialogue_votes" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogues_join_token" ON "dialogues" USING btree ("join_token_hash");--> statement-breakpoint
CREATE INDEX "dialogues_program" ON "dialogues" USING btree ("program_id");