CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"organisation_id" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"outcome" text NOT NULL,
	"request_id" text,
	"ip" text,
	"details" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_seq_unique" UNIQUE("seq"),
	CONSTRAINT "audit_events_seq_positive" CHECK ("audit_events"."seq" >= 1),
	CONSTRAINT "audit_events_actor_kind_known" CHECK ("audit_events"."actor_kind" in ('person', 'system', 'anonymous')),
	CONSTRAINT "audit_events_actor_id_for_persons" CHECK (("audit_events"."actor_kind" = 'person') = ("audit_events"."actor_id" is not null)),
	CONSTRAINT "audit_events_action_dotted" CHECK ("audit_events"."action" ~ '^[a-z][a-z0-9_]*([.][a-z][a-z0-9_]*)+$'),
	CONSTRAINT "audit_events_target_complete" CHECK (("audit_events"."target_type" is null) = ("audit_events"."target_id" is null)),
	CONSTRAINT "audit_events_outcome_known" CHECK ("audit_events"."outcome" in ('allowed', 'denied', 'failed', 'succeeded')),
	CONSTRAINT "audit_events_details_object" CHECK (jsonb_typeof("audit_events"."details") = 'object'),
	CONSTRAINT "audit_events_hashes_sha256" CHECK ("audit_events"."prev_hash" ~ '^[0-9a-f]{64}$' and "audit_events"."hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "audit_trail_anchor" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"first_seq" bigint NOT NULL,
	"first_prev_hash" text NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	CONSTRAINT "audit_trail_anchor_single_row" CHECK ("audit_trail_anchor"."id" = 1),
	CONSTRAINT "audit_trail_anchor_range" CHECK ("audit_trail_anchor"."first_seq" >= 1 and "audit_trail_anchor"."last_seq" >= "audit_trail_anchor"."first_seq" - 1),
	CONSTRAINT "audit_trail_anchor_hashes_sha256" CHECK ("audit_trail_anchor"."first_prev_hash" ~ '^[0-9a-f]{64}$' and "audit_trail_anchor"."last_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "audit_events_target" ON "audit_events" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor" ON "audit_events" USING btree ("actor_id");