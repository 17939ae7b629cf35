CREATE TABLE "training_certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"enrolment_id" text NOT NULL,
	"course_id" text NOT NULL,
	"course_version" integer NOT NULL,
	"learner_name" text NOT NULL,
	"course_title" jsonb NOT NULL,
	"organisation_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_code" ON "training_certificates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_enrolment" ON "training_certificates" USING btree ("enrolment_id");