ALTER TABLE "dialogue_statements" DROP CONSTRAINT "dialogue_statements_length";--> statement-breakpoint
ALTER TABLE "dialogue_statements" ADD COLUMN "sealed_text" text;--> statement-breakpoint
ALTER TABLE "dialogue_statements" ADD CONSTRAINT "dialogue_statements_words" CHECK (("dialogue_statements"."sealed_text" is null and char_length("dialogue_statements"."text") between 1 and 280)
        or ("dialogue_statements"."sealed_text" is not null and "dialogue_statements"."text" = '' and "dialogue_statements"."status" <> 'accepted'));