CREATE TABLE "training_cohorts" (
	"id" text PRIMARY KEY NOT NULL,
	"course_id" text NOT NULL,
	"course_version" integer NOT NULL,
	"name" text NOT NULL,
	"due_on" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" text PRIMARY KEY NOT NULL,
	"cohort_id" text NOT NULL,
	"person_id" text NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_progress" (
	"enrolment_id" text NOT NULL,
	"seq" integer NOT NULL,
	"event" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_progress_enrolment_id_seq_pk" PRIMARY KEY("enrolment_id","seq")
);
--> statement-breakpoint
CREATE TABLE "training_reflections" (
	"enrolment_id" text NOT NULL,
	"step_id" text NOT NULL,
	"body" text NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_reflections_enrolment_id_step_id_pk" PRIMARY KEY("enrolment_id","step_id")
);
--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_progress" ADD CONSTRAINT "training_progress_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reflections" ADD CONSTRAINT "training_reflections_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_cohorts_course" ON "training_cohorts" USING btree ("course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_cohort_person" ON "training_enrolments" USING btree ("cohort_id","person_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_person" ON "training_enrolments" USING btree ("person_id");