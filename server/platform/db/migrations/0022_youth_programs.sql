CREATE TABLE "guardian_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"young_person_id" text NOT NULL,
	"request_seq" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "young_people" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"person_id" text NOT NULL,
	"age_band" text NOT NULL,
	"guardian_contact" text,
	"guardian_language" text,
	"link_token_hash" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "young_people_age_band_known" CHECK ("young_people"."age_band" in ('10-11', '12-13', '14-15', '16-17', '18-20', '21-24')),
	CONSTRAINT "young_people_guardian_language" CHECK ("young_people"."guardian_language" is null or "young_people"."guardian_language" in ('en', 'es')),
	CONSTRAINT "young_people_guardian_whole" CHECK (("young_people"."guardian_contact" is null) = ("young_people"."guardian_language" is null))
);
--> statement-breakpoint
CREATE TABLE "youth_consent_events" (
	"young_person_id" text NOT NULL,
	"seq" integer NOT NULL,
	"event" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "youth_consent_events_young_person_id_seq_pk" PRIMARY KEY("young_person_id","seq")
);
--> statement-breakpoint
CREATE TABLE "youth_programs" (
	"program_id" text PRIMARY KEY NOT NULL,
	"min_age" integer NOT NULL,
	"max_age" integer NOT NULL,
	"safeguarding_lead_id" text NOT NULL,
	"two_adults_present" boolean NOT NULL,
	"open_places_only" boolean NOT NULL,
	"guardian_sees_mentoring" boolean NOT NULL,
	"retention_days" integer NOT NULL,
	"consent_valid_days" integer NOT NULL,
	"about_for_guardians" text NOT NULL,
	"consent_version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "youth_programs_ages" CHECK ("youth_programs"."min_age" <= "youth_programs"."max_age"),
	CONSTRAINT "youth_programs_consent_version" CHECK ("youth_programs"."consent_version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "guardian_links" ADD CONSTRAINT "guardian_links_young_person_id_young_people_id_fk" FOREIGN KEY ("young_person_id") REFERENCES "public"."young_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "young_people" ADD CONSTRAINT "young_people_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "young_people" ADD CONSTRAINT "young_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "young_people" ADD CONSTRAINT "young_people_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_consent_events" ADD CONSTRAINT "youth_consent_events_young_person_id_young_people_id_fk" FOREIGN KEY ("young_person_id") REFERENCES "public"."young_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_programs" ADD CONSTRAINT "youth_programs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_programs" ADD CONSTRAINT "youth_programs_safeguarding_lead_id_people_id_fk" FOREIGN KEY ("safeguarding_lead_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_programs" ADD CONSTRAINT "youth_programs_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guardian_links_young_person" ON "guardian_links" USING btree ("young_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "young_people_once_per_program" ON "young_people" USING btree ("program_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "young_people_link" ON "young_people" USING btree ("link_token_hash");