-- The audit trail is append-only (docs/decisions/009-audit-trail.md). This file is the source of
-- the custom migration "audit_append_only"; when migrations are regenerated, copy it unchanged
-- into a new custom migration (npx drizzle-kit generate --custom). Plain PL/pgSQL that both
-- PostgreSQL 15 and the embedded database (PGlite) accept.
--
-- Nothing in the application deletes audit events. Archiving events older than the 365 days they
-- must be kept is an operator action: export them, then a DBA explicitly disables or drops these
-- triggers, deletes the exported rows, records the new start of the trail in audit_trail_anchor
-- (first_seq, first_prev_hash) and restores the triggers.

-- The chain starts empty: event 1 follows the all-zero hash.
INSERT INTO "audit_trail_anchor" ("id", "first_seq", "first_prev_hash", "last_seq", "last_hash")
VALUES (1, 1, repeat('0', 64), 0, repeat('0', 64))
ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail is append-only: % on % is not allowed.', TG_OP, TG_TABLE_NAME
    USING HINT = 'Archiving old audit events is an operator action: export them, and have a DBA '
      'explicitly drop the audit triggers (see docs/decisions/009-audit-trail.md).';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
-- Each new event must follow the latest one: its seq is the next number and its prev_hash is the
-- latest hash. The anchor's end moves with it, in the same statement, so that a later removal
-- of the newest events is detected.
CREATE OR REPLACE FUNCTION audit_extend_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "audit_trail_anchor"
     SET "last_seq" = NEW."seq", "last_hash" = NEW."hash"
   WHERE "id" = 1 AND "last_seq" = NEW."seq" - 1 AND "last_hash" = NEW."prev_hash";
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Audit event % does not follow the latest event of the audit trail.', NEW."seq"
      USING HINT = 'Record audit events through recordAudit, which appends them one at a time.';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_extend_chain
  BEFORE INSERT ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_extend_chain();
--> statement-breakpoint
-- The anchor moves only from inside audit_extend_chain (trigger depth 2), never by hand.
CREATE OR REPLACE FUNCTION audit_anchor_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'The audit trail anchor moves only when an event is appended: % is not allowed.',
    TG_OP
    USING HINT = 'Archiving old audit events is an operator action for a DBA '
      '(see docs/decisions/009-audit-trail.md).';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_trail_anchor_guard
  BEFORE UPDATE OR DELETE ON "audit_trail_anchor"
  FOR EACH ROW EXECUTE FUNCTION audit_anchor_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_trail_anchor_no_truncate
  BEFORE TRUNCATE ON "audit_trail_anchor"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_anchor_refuse_change();
