CREATE TABLE "measurement_settings" (
	"organisation_id" text PRIMARY KEY NOT NULL,
	"public_page" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"response_id" text NOT NULL,
	"question_id" text NOT NULL,
	"survey_id" text NOT NULL,
	"program_id" text NOT NULL,
	"kind" text NOT NULL,
	"submitted_on" date NOT NULL,
	"role_group" text,
	"neighbourhood" text,
	"phase" text,
	"construct" text,
	"value" smallint,
	"score" smallint,
	"choice" text,
	CONSTRAINT "survey_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id"),
	CONSTRAINT "survey_answers_value_range" CHECK ("survey_answers"."value" is null or "survey_answers"."value" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"survey_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"person_id" text,
	"process_kind" text,
	"process_id" text,
	"phase" text,
	"role_group" text,
	"answered" boolean DEFAULT false NOT NULL,
	"sent_on" date NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_invitations_process_known" CHECK ("survey_invitations"."process_kind" is null or "survey_invitations"."process_kind" in ('circle', 'conference', 'training')),
	CONSTRAINT "survey_invitations_phase_known" CHECK ("survey_invitations"."phase" is null or "survey_invitations"."phase" in ('before', 'after')),
	CONSTRAINT "survey_invitations_role_known" CHECK ("survey_invitations"."role_group" is null or "survey_invitations"."role_group" in ('resident', 'officer', 'other'))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"survey_id" text NOT NULL,
	"program_id" text NOT NULL,
	"kind" text NOT NULL,
	"submitted_on" date NOT NULL,
	"role_group" text,
	"neighbourhood" text,
	"language" text NOT NULL,
	"process_kind" text,
	"process_id" text,
	"phase" text,
	"trust_index" real
);
--> statement-breakpoint
CREATE TABLE "survey_sends" (
	"survey_id" text NOT NULL,
	"process_kind" text NOT NULL,
	"process_id" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_sends_survey_id_process_kind_process_id_pk" PRIMARY KEY("survey_id","process_kind","process_id")
);
--> statement-breakpoint
CREATE TABLE "survey_texts" (
	"id" text PRIMARY KEY NOT NULL,
	"survey_id" text NOT NULL,
	"question_id" text NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"items" text[] NOT NULL,
	"custom_questions" jsonb NOT NULL,
	"languages" text[] NOT NULL,
	"threshold" smallint NOT NULL,
	"neighbourhoods" text[] NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone,
	"public_slug" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_kind_known" CHECK ("surveys"."kind" in ('after_process', 'pulse', 'training'))
);
--> statement-breakpoint
ALTER TABLE "measurement_settings" ADD CONSTRAINT "measurement_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_sends" ADD CONSTRAINT "survey_sends_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_texts" ADD CONSTRAINT "survey_texts_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_dashboard" ON "survey_answers" USING btree ("program_id","kind","submitted_on");--> statement-breakpoint
CREATE INDEX "survey_answers_survey" ON "survey_answers" USING btree ("survey_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token" ON "survey_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_once" ON "survey_invitations" USING btree ("survey_id","person_id","process_id","phase") WHERE "survey_invitations"."person_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_invitations_person" ON "survey_invitations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "survey_responses_dashboard" ON "survey_responses" USING btree ("program_id","kind","submitted_on");--> statement-breakpoint
CREATE INDEX "survey_responses_survey" ON "survey_responses" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_texts_survey" ON "survey_texts" USING btree ("survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_public_slug" ON "surveys" USING btree ("public_slug");--> statement-breakpoint
CREATE INDEX "surveys_program" ON "surveys" USING btree ("program_id");