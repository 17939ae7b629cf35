CREATE TABLE "mentoring_meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"pair_id" text NOT NULL,
	"met_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"present" jsonb NOT NULL,
	"logged_by" text NOT NULL,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"pair_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentoring_pairs" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"mentor_id" text NOT NULL,
	"young_person_id" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "youth_concern_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"concern_id" text NOT NULL,
	"by" text NOT NULL,
	"note" text NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "youth_concerns" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"raised_by" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "youth_concerns_status_known" CHECK ("youth_concerns"."status" in ('open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "young_people" ADD COLUMN "left_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mentoring_meetings" ADD CONSTRAINT "mentoring_meetings_pair_id_mentoring_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."mentoring_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_meetings" ADD CONSTRAINT "mentoring_meetings_logged_by_people_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_messages" ADD CONSTRAINT "mentoring_messages_pair_id_mentoring_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."mentoring_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_messages" ADD CONSTRAINT "mentoring_messages_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_mentor_id_people_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_young_person_id_young_people_id_fk" FOREIGN KEY ("young_person_id") REFERENCES "public"."young_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_pairs" ADD CONSTRAINT "mentoring_pairs_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_concern_actions" ADD CONSTRAINT "youth_concern_actions_concern_id_youth_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."youth_concerns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_concern_actions" ADD CONSTRAINT "youth_concern_actions_by_people_id_fk" FOREIGN KEY ("by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_concerns" ADD CONSTRAINT "youth_concerns_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_concerns" ADD CONSTRAINT "youth_concerns_raised_by_people_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentoring_meetings_pair" ON "mentoring_meetings" USING btree ("pair_id","met_at");--> statement-breakpoint
CREATE INDEX "mentoring_messages_pair" ON "mentoring_messages" USING btree ("pair_id","sent_at");--> statement-breakpoint
CREATE INDEX "mentoring_pairs_program" ON "mentoring_pairs" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_pairs_one_open" ON "mentoring_pairs" USING btree ("mentor_id","young_person_id") WHERE "mentoring_pairs"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "youth_concern_actions_concern" ON "youth_concern_actions" USING btree ("concern_id","at");--> statement-breakpoint
CREATE INDEX "youth_concerns_program" ON "youth_concerns" USING btree ("program_id","raised_at");