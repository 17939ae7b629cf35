import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

// The audit trail: who did what to which record, when, and with what outcome. Rows are only ever
// appended (triggers in append-only.sql refuse UPDATE, DELETE and TRUNCATE) and each row carries
// the SHA-256 hash of its contents and of the row before it, so that a change, a removal or a
// reordering shows up when the chain is verified. See docs/decisions/009-audit-trail.md.
//
// `details` holds ids, counts and codes only: never statements, notes, messages or the names of
// residents. The trail is kept for at least 365 days and read by oversight and by police partners'
// auditors, so anything confidential written here would outlive its own retention limit.

export const auditActorKinds = ['person', 'system', 'anonymous'] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

export const auditOutcomes = ['allowed', 'denied', 'failed', 'succeeded'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export type AuditDetailValue =
  | string
  | number
  | boolean
  | null
  | AuditDetailValue[]
  | { [key: string]: AuditDetailValue };
export type AuditDetails = { [key: string]: AuditDetailValue };

const SHA256_HEX = `'^[0-9a-f]{64}$'`;

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // The position in the chain: 1, 2, 3, ... with no gaps; the hash covers it.
    seq: bigint('seq', { mode: 'number' }).notNull().unique('audit_events_seq_unique'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind').$type<AuditActorKind>().notNull(),
    // The person who acted; empty for the system itself and for people without an account.
    actorId: text('actor_id'),
    organisationId: text('organisation_id'),
    // A dotted name: 'auth.sign_in', 'permission.denied', 'case.statement.read'.
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    outcome: text('outcome').$type<AuditOutcome>().notNull(),
    requestId: text('request_id'),
    // Stored as given: callers may pass a truncated or hashed address.
    ip: text('ip'),
    details: jsonb('details').$type<AuditDetails>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    // What an investigation asks: who touched this case, and what did this person do.
    index('audit_events_target').on(table.targetType, table.targetId),
    index('audit_events_actor').on(table.actorId),
    check('audit_events_seq_positive', sql`${table.seq} >= 1`),
    check(
      'audit_events_actor_kind_known',
      sql`${table.actorKind} in ('person', 'system', 'anonymous')`,
    ),
    check(
      'audit_events_actor_id_for_persons',
      sql`(${table.actorKind} = 'person') = (${table.actorId} is not null)`,
    ),
    check(
      'audit_events_action_dotted',
      sql`${table.action} ~ '^[a-z][a-z0-9_]*([.][a-z][a-z0-9_]*)+$'`,
    ),
    check(
      'audit_events_target_complete',
      sql`(${table.targetType} is null) = (${table.targetId} is null)`,
    ),
    check(
      'audit_events_outcome_known',
      sql`${table.outcome} in ('allowed', 'denied', 'failed', 'succeeded')`,
    ),
    check('audit_events_details_object', sql`jsonb_typeof(${table.details}) = 'object'`),
    check(
      'audit_events_hashes_sha256',
      sql`${table.prevHash} ~ ${sql.raw(SHA256_HEX)} and ${table.hash} ~ ${sql.raw(SHA256_HEX)}`,
    ),
  ],
);

// One row: where the trail starts (raised only when a DBA archives old events) and where it ends.
// The end is moved by a trigger on every append and by nothing else, so that removing the latest
// events is detected too: without it, a trail cut short would look whole.
export const auditTrailAnchor = pgTable(
  'audit_trail_anchor',
  {
    id: smallint('id').primaryKey().default(1),
    firstSeq: bigint('first_seq', { mode: 'number' }).notNull(),
    firstPrevHash: text('first_prev_hash').notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    lastHash: text('last_hash').notNull(),
  },
  (table) => [
    check('audit_trail_anchor_single_row', sql`${table.id} = 1`),
    check(
      'audit_trail_anchor_range',
      sql`${table.firstSeq} >= 1 and ${table.lastSeq} >= ${table.firstSeq} - 1`,
    ),
    check(
      'audit_trail_anchor_hashes_sha256',
      sql`${table.firstPrevHash} ~ ${sql.raw(SHA256_HEX)} and ${table.lastHash} ~ ${sql.raw(SHA256_HEX)}`,
    ),
  ],
);
