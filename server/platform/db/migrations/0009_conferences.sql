CREATE TABLE "conference_consents" (
	"id" text PRIMARY KEY NOT NULL,
	"conference_id" text NOT NULL,
	"party_id" text NOT NULL,
	"version" text NOT NULL,
	"language" text NOT NULL,
	"signature_sealed" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_sealed" text
);
--> statement-breakpoint
CREATE TABLE "conference_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"conference_id" text NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"words_sealed" text
);
--> statement-breakpoint
CREATE TABLE "conference_instalments" (
	"item_id" text NOT NULL,
	"due_on" date NOT NULL,
	"amount_cents" integer NOT NULL,
	CONSTRAINT "conference_instalments_item_id_due_on_pk" PRIMARY KEY("item_id","due_on"),
	CONSTRAINT "conference_instalments_positive" CHECK ("conference_instalments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "conference_items" (
	"id" text PRIMARY KEY NOT NULL,
	"conference_id" text NOT NULL,
	"kind" text NOT NULL,
	"description_sealed" text NOT NULL,
	"responsible_party_id" text,
	"responsible_organisation_id" text,
	"due_on" date NOT NULL,
	"verification_sealed" text NOT NULL,
	"verifier_person_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"amount_cents" integer,
	"currency" text,
	"meeting_at" timestamp with time zone,
	"commitment_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "conference_items_kind_known" CHECK ("conference_items"."kind" in ('apology', 'restitution', 'service_hours', 'officer_training', 'policy_review', 'meeting', 'other')),
	CONSTRAINT "conference_items_status_known" CHECK ("conference_items"."status" in ('open', 'done', 'not_done')),
	CONSTRAINT "conference_items_one_responsible" CHECK (("conference_items"."responsible_party_id" is null) <> ("conference_items"."responsible_organisation_id" is null)),
	CONSTRAINT "conference_items_restitution_amount" CHECK (("conference_items"."kind" = 'restitution') = ("conference_items"."amount_cents" is not null)),
	CONSTRAINT "conference_items_amount_positive" CHECK ("conference_items"."amount_cents" is null or "conference_items"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "conference_parties" (
	"id" text PRIMARY KEY NOT NULL,
	"conference_id" text NOT NULL,
	"role" text NOT NULL,
	"name_sealed" text NOT NULL,
	"email_sealed" text,
	"language" text DEFAULT 'en' NOT NULL,
	"person_id" text,
	"supports_party_id" text,
	"link_token_hash" text,
	"added_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "conference_parties_role_known" CHECK ("conference_parties"."role" in ('harmed', 'responsible', 'supporter', 'community_rep', 'police_rep')),
	CONSTRAINT "conference_parties_language_known" CHECK ("conference_parties"."language" in ('en', 'es'))
);
--> statement-breakpoint
CREATE TABLE "conference_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"item_id" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount_cents" integer NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_payments_positive" CHECK ("conference_payments"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "conference_publication_consents" (
	"item_id" text NOT NULL,
	"party_id" text NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_publication_consents_item_id_party_id_pk" PRIMARY KEY("item_id","party_id")
);
--> statement-breakpoint
CREATE TABLE "conference_records" (
	"id" text PRIMARY KEY NOT NULL,
	"conference_id" text NOT NULL,
	"kind" text NOT NULL,
	"party_id" text,
	"item_id" text,
	"held_on" date,
	"body_sealed" text NOT NULL,
	"written_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_records_kind_known" CHECK ("conference_records"."kind" in ('preparation', 'statement', 'note', 'check_in'))
);
--> statement-breakpoint
CREATE TABLE "conference_reminders" (
	"item_id" text NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_reminders_item_id_kind_due_on_pk" PRIMARY KEY("item_id","kind","due_on"),
	CONSTRAINT "conference_reminders_kind_known" CHECK ("conference_reminders"."kind" in ('due_soon', 'overdue'))
);
--> statement-breakpoint
CREATE TABLE "conference_settings" (
	"program_id" text PRIMARY KEY NOT NULL,
	"misconduct" boolean DEFAULT false NOT NULL,
	"agency_organisation_id" text,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"script_order" text DEFAULT 'harmed_first' NOT NULL,
	"referral_token_hash" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_settings_order_known" CHECK ("conference_settings"."script_order" in ('harmed_first', 'responsible_first')),
	CONSTRAINT "conference_settings_misconduct_agency" CHECK (not "conference_settings"."misconduct" or "conference_settings"."agency_organisation_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "conference_team" (
	"id" text PRIMARY KEY NOT NULL,
	"conference_id" text NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"assigned_by" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "conference_team_role_known" CHECK ("conference_team"."role" in ('lead', 'facilitator'))
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"id" text PRIMARY KEY NOT NULL,
	"program_id" text NOT NULL,
	"reference" text NOT NULL,
	"misconduct" boolean NOT NULL,
	"agency_organisation_id" text,
	"stage" text DEFAULT 'referral' NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"harm_type" text NOT NULL,
	"urgency" text NOT NULL,
	"incident_on" date,
	"referrer_kind" text NOT NULL,
	"referrer_organisation" text DEFAULT '' NOT NULL,
	"referral_sealed" text NOT NULL,
	"tracking_token_hash" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"starts_at" timestamp with time zone,
	"mode" text,
	"place" text,
	"circle_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "conferences_stage_known" CHECK ("conferences"."stage" in ('referral', 'screening', 'preparation', 'scheduled', 'held', 'agreement', 'monitoring', 'closed')),
	CONSTRAINT "conferences_outcome_known" CHECK ("conferences"."outcome" is null or "conferences"."outcome" in ('completed', 'partly_completed', 'not_completed', 'no_conference')),
	CONSTRAINT "conferences_closed_has_outcome" CHECK (("conferences"."stage" = 'closed') = ("conferences"."outcome" is not null)),
	CONSTRAINT "conferences_urgency_known" CHECK ("conferences"."urgency" in ('routine', 'soon', 'urgent')),
	CONSTRAINT "conferences_referrer_known" CHECK ("conferences"."referrer_kind" in ('agency', 'school', 'community_organisation', 'person_harmed', 'other')),
	CONSTRAINT "conferences_language_known" CHECK ("conferences"."language" in ('en', 'es')),
	CONSTRAINT "conferences_mode_known" CHECK ("conferences"."mode" is null or "conferences"."mode" in ('in_person', 'online')),
	CONSTRAINT "conferences_misconduct_agency" CHECK (not "conferences"."misconduct" or "conferences"."agency_organisation_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_role_known";--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_role_known";--> statement-breakpoint
ALTER TABLE "conference_consents" ADD CONSTRAINT "conference_consents_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_consents" ADD CONSTRAINT "conference_consents_party_id_conference_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."conference_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_consents" ADD CONSTRAINT "conference_consents_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_events" ADD CONSTRAINT "conference_events_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_events" ADD CONSTRAINT "conference_events_by_people_id_fk" FOREIGN KEY ("by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_instalments" ADD CONSTRAINT "conference_instalments_item_id_conference_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."conference_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_responsible_party_id_conference_parties_id_fk" FOREIGN KEY ("responsible_party_id") REFERENCES "public"."conference_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_verifier_person_id_people_id_fk" FOREIGN KEY ("verifier_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_items" ADD CONSTRAINT "conference_items_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_parties" ADD CONSTRAINT "conference_parties_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_parties" ADD CONSTRAINT "conference_parties_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_parties" ADD CONSTRAINT "conference_parties_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_payments" ADD CONSTRAINT "conference_payments_item_id_conference_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."conference_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_payments" ADD CONSTRAINT "conference_payments_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_publication_consents" ADD CONSTRAINT "conference_publication_consents_item_id_conference_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."conference_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_publication_consents" ADD CONSTRAINT "conference_publication_consents_party_id_conference_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."conference_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_records" ADD CONSTRAINT "conference_records_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_records" ADD CONSTRAINT "conference_records_party_id_conference_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."conference_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_records" ADD CONSTRAINT "conference_records_written_by_people_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_reminders" ADD CONSTRAINT "conference_reminders_item_id_conference_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."conference_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_settings" ADD CONSTRAINT "conference_settings_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_settings" ADD CONSTRAINT "conference_settings_agency_organisation_id_organisations_id_fk" FOREIGN KEY ("agency_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_settings" ADD CONSTRAINT "conference_settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_team" ADD CONSTRAINT "conference_team_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_team" ADD CONSTRAINT "conference_team_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_team" ADD CONSTRAINT "conference_team_assigned_by_people_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_agency_organisation_id_organisations_id_fk" FOREIGN KEY ("agency_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conference_consents_one_current" ON "conference_consents" USING btree ("party_id") WHERE "conference_consents"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "conference_events_case" ON "conference_events" USING btree ("conference_id","id");--> statement-breakpoint
CREATE INDEX "conference_items_case" ON "conference_items" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "conference_items_due" ON "conference_items" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_parties_link" ON "conference_parties" USING btree ("link_token_hash");--> statement-breakpoint
CREATE INDEX "conference_parties_case" ON "conference_parties" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "conference_parties_person" ON "conference_parties" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "conference_payments_item" ON "conference_payments" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "conference_records_case" ON "conference_records" USING btree ("conference_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_settings_referral_token" ON "conference_settings" USING btree ("referral_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_team_one_active" ON "conference_team" USING btree ("conference_id","person_id") WHERE "conference_team"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "conference_team_person" ON "conference_team" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conferences_reference" ON "conferences" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "conferences_tracking_token" ON "conferences" USING btree ("tracking_token_hash");--> statement-breakpoint
CREATE INDEX "conferences_program_stage" ON "conferences" USING btree ("program_id","stage");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_role_known" CHECK ("invitations"."role" in ('org_admin', 'coordinator', 'facilitator', 'officer', 'oversight_reviewer', 'professional_standards', 'resident', 'youth', 'guardian'));--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_known" CHECK ("memberships"."role" in ('org_admin', 'coordinator', 'facilitator', 'officer', 'oversight_reviewer', 'professional_standards', 'resident', 'youth', 'guardian'));