CREATE TABLE "youth_event_attendance" (
	"event_id" text NOT NULL,
	"young_person_id" text NOT NULL,
	"present" boolean NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "youth_event_attendance_event_id_young_person_id_pk" PRIMARY KEY("event_id","young_person_id")
);
--> statement-breakpoint
CREATE TABLE "youth_events" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "youth_event_attendance" ADD CONSTRAINT "youth_event_attendance_event_id_youth_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."youth_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_event_attendance" ADD CONSTRAINT "youth_event_attendance_young_person_id_young_people_id_fk" FOREIGN KEY ("young_person_id") REFERENCES "public"."young_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_event_attendance" ADD CONSTRAINT "youth_event_attendance_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_events" ADD CONSTRAINT "youth_events_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_events" ADD CONSTRAINT "youth_events_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "youth_events_program" ON "youth_events" USING btree ("program_id","starts_at");