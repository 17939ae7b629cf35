CREATE TABLE "email_preferences" (
	"address" text PRIMARY KEY NOT NULL,
	"frequency" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_preferences_frequency_known" CHECK ("email_preferences"."frequency" in ('immediately', 'daily', 'never'))
);
--> statement-breakpoint
CREATE TABLE "mail_digest_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "mail_digest_items_address" ON "mail_digest_items" USING btree ("address");