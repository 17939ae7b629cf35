CREATE TABLE "survey_tallies" (
	"program_id" text NOT NULL,
	"kind" text NOT NULL,
	"quarter" text NOT NULL,
	"role_group" text NOT NULL,
	"neighbourhood" text NOT NULL,
	"phase" text NOT NULL,
	"construct" text NOT NULL,
	"respondents" integer NOT NULL,
	"trust_n" integer NOT NULL,
	"trust_sum" double precision NOT NULL,
	"trust_sumsq" double precision NOT NULL,
	"answers" integer NOT NULL,
	"favourable" integer NOT NULL,
	CONSTRAINT "survey_tallies_pk" PRIMARY KEY("program_id","kind","quarter","role_group","neighbourhood","phase","construct")
);
--> statement-breakpoint
DROP INDEX "survey_invitations_once";--> statement-breakpoint
ALTER TABLE "survey_tallies" ADD CONSTRAINT "survey_tallies_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_once" ON "survey_invitations" USING btree ("survey_id","person_id",coalesce("process_id", ''),coalesce("phase", '')) WHERE "survey_invitations"."person_id" is not null;--> statement-breakpoint
-- Tallies for the responses stored before there were any (as rebuildTallies in tallies.ts).
INSERT INTO "survey_tallies" ("program_id", "kind", "quarter", "role_group", "neighbourhood", "phase", "construct", "respondents", "trust_n", "trust_sum", "trust_sumsq", "answers", "favourable")
SELECT "program_id", "kind", to_char("submitted_on", 'YYYY"-Q"Q'), coalesce("role_group", ''), coalesce("neighbourhood", ''), coalesce("phase", ''), '', count(*)::int, count("trust_index")::int, coalesce(sum("trust_index"::float8), 0), coalesce(sum("trust_index"::float8 * "trust_index"::float8), 0), 0, 0
FROM "survey_responses"
GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT "program_id", "kind", to_char("submitted_on", 'YYYY"-Q"Q'), coalesce("role_group", ''), coalesce("neighbourhood", ''), coalesce("phase", ''), "construct", count(*)::int, 0, 0, 0, sum("answers")::int, sum("favourable")::int
FROM (
	SELECT "program_id", "kind", "submitted_on", "role_group", "neighbourhood", "phase", "construct", count(*) AS "answers", count(*) FILTER (WHERE "score" >= 4) AS "favourable"
	FROM "survey_answers"
	WHERE "construct" IS NOT NULL AND "score" IS NOT NULL
	GROUP BY "response_id", "program_id", "kind", "submitted_on", "role_group", "neighbourhood", "phase", "construct"
) AS "person"
GROUP BY 1, 2, 3, 4, 5, 6, 7;
