CREATE TABLE "invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"program_id" text,
	"role" text NOT NULL,
	"delivery" text NOT NULL,
	"email" text,
	"token_hash" text NOT NULL,
	"language" text NOT NULL,
	"max_uses" integer NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_role_known" CHECK ("invitations"."role" in ('org_admin', 'coordinator', 'facilitator', 'officer', 'oversight_reviewer', 'resident', 'youth', 'guardian')),
	CONSTRAINT "invitations_language_supported" CHECK ("invitations"."language" in ('en', 'es')),
	CONSTRAINT "invitations_delivery_shape" CHECK (("invitations"."delivery" = 'email' and "invitations"."email" is not null and "invitations"."max_uses" = 1)
        or ("invitations"."delivery" = 'link' and "invitations"."email" is null and "invitations"."program_id" is not null
            and "invitations"."role" = 'resident')),
	CONSTRAINT "invitations_uses_within_cap" CHECK ("invitations"."uses" >= 0 and "invitations"."uses" <= "invitations"."max_uses"),
	CONSTRAINT "invitations_revoked_with_who" CHECK (("invitations"."revoked_at" is null) = ("invitations"."revoked_by" is null))
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_revoked_by_people_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_organisation" ON "invitations" USING btree ("organisation_id","created_at" DESC NULLS LAST);