CREATE TABLE "circle_seating" (
	"circle_id" text NOT NULL,
	"person_id" text NOT NULL,
	"place" integer NOT NULL,
	CONSTRAINT "circle_seating_circle_id_person_id_pk" PRIMARY KEY("circle_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "circles" ADD COLUMN "conference" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "circle_seating" ADD CONSTRAINT "circle_seating_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circle_seating" ADD CONSTRAINT "circle_seating_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_circle_id_circles_id_fk" FOREIGN KEY ("circle_id") REFERENCES "public"."circles"("id") ON DELETE no action ON UPDATE no action;