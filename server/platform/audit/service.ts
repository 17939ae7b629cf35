// The audit trail's use cases: append an event, and verify the whole chain.
//
// NEVER put confidential text into an audit event, in `details` or anywhere else: no statements,
// notes, messages, harvests, survey answers, and no names, emails or phone numbers of residents
// or officers. Ids, counts, codes and field names only ("which case, which statement id, which
// fields changed"), never the values themselves. The trail is kept at least 365 days, outlives
// the retention limits of the material it describes, and is read by oversight and by police
// partners' auditors. Strings in `details` are therefore capped at 256 characters, to catch a
// statement passed by mistake; that cap is a net, not a licence.
//
// Record the audit event as the LAST step of the transaction it describes (pass that transaction
// in): appends are serialised by a transaction-scoped advisory lock, held until commit, so an
// early append would make every other audited change wait behind this one.

import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '../db/connection.ts';
import { queryRows } from '../db/rows.ts';
import {
  type ChainPosition,
  type ChainProblem,
  checkChainEnd,
  checkChainRows,
  sealAuditEvent,
} from './chain.ts';
import {
  type AuditActorKind,
  type AuditDetails,
  type AuditOutcome,
  auditActorKinds,
  auditEvents,
  auditOutcomes,
  auditTrailAnchor,
} from './schema.ts';

/** What a feature records; the service adds the time, the chain position and the hashes. */
export interface AuditEvent {
  actorKind: AuditActorKind;
  /** The person who acted: required when actorKind is 'person', absent otherwise. */
  actorId?: string | null;
  organisationId?: string | null;
  /** A dotted name: 'auth.sign_in', 'auth.sign_in_failed', 'case.statement.read'. */
  action: string;
  /** Both or neither: the kind of record acted on and its id, e.g. 'case', 'c_123'. */
  targetType?: string | null;
  targetId?: string | null;
  outcome: AuditOutcome;
  requestId?: string | null;
  /** As the caller chooses to keep it: full, truncated or hashed. */
  ip?: string | null;
  /** Ids, counts and codes only: see the top of this file. */
  details?: AuditDetails;
}

export interface RecordedAuditEvent {
  seq: number;
  hash: string;
  occurredAt: Date;
}

export type AuditChainVerdict =
  | { ok: true; checked: number; latest: ChainPosition | undefined }
  | { ok: false; checked: number; problem: ChainProblem };

// Any fixed number shared by every Restorativ process, distinct from the migration lock's.
const AUDIT_APPEND_LOCK_KEY = 7_346_022;
const MAX_DETAIL_STRING = 256;
const MAX_DETAILS_JSON = 4_096;
const DEFAULT_VERIFY_BATCH = 500;

// Text PostgreSQL can store as given: no NUL characters, no unpaired surrogates.
const storableText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((text) => !text.includes('\u0000') && text.isWellFormed(), 'is not storable text');
const optionalId = storableText(200).nullish();

const detailValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    storableText(MAX_DETAIL_STRING).or(z.literal('')),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(detailValue),
    z.record(storableText(100), detailValue),
  ]),
);

const auditEventSchema = z
  .object({
    actorKind: z.enum(auditActorKinds),
    actorId: optionalId,
    organisationId: optionalId,
    action: z
      .string()
      .max(100)
      .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'must be a dotted name like auth.sign_in'),
    targetType: storableText(100).nullish(),
    targetId: optionalId,
    outcome: z.enum(auditOutcomes),
    requestId: optionalId,
    ip: storableText(100).nullish(),
    details: z
      .record(storableText(100), detailValue)
      .refine((details) => JSON.stringify(details).length <= MAX_DETAILS_JSON, 'is too large')
      .default({}),
  })
  .refine((event) => (event.actorKind === 'person') === (event.actorId != null), {
    message: 'actorId is required for a person, and only for a person',
    path: ['actorId'],
  })
  .refine((event) => (event.targetType == null) === (event.targetId == null), {
    message: 'targetType and targetId go together',
    path: ['targetId'],
  });

function validated(event: AuditEvent) {
  const parsed = auditEventSchema.safeParse(event);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    // A bug in the calling feature, not a user's mistake: it fails the change it describes.
    throw new Error(`Invalid audit event ${JSON.stringify(event.action)}: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/**
 * Appends one event to the audit trail. Pass the transaction of the change it records, so that
 * the change and its audit event commit or fail together; without one, it commits on its own.
 */
export async function recordAudit(
  db: Database,
  event: AuditEvent,
  tx?: Transaction,
): Promise<RecordedAuditEvent> {
  const input = validated(event);
  const append = async (work: Transaction): Promise<RecordedAuditEvent> => {
    // One appender at a time across every process; the lock ends with the transaction.
    await work.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK_KEY})`);
    // The end of the chain and the time, read under the lock: seq order is time order, on the
    // database's one clock, to the millisecond as the hash covers it.
    const [end] = await queryRows<{ last_seq: string | number; last_hash: string; now_ms: number }>(
      work,
      sql`select last_seq, last_hash,
                 floor(extract(epoch from clock_timestamp()) * 1000)::float8 as now_ms
          from audit_trail_anchor where id = 1`,
    );
    if (!end) throw new Error('The audit trail has no anchor row: run `restorativ audit verify`.');
    const sealed = sealAuditEvent(
      { seq: Number(end.last_seq), hash: end.last_hash },
      {
        occurredAt: new Date(end.now_ms),
        actorKind: input.actorKind,
        actorId: input.actorId ?? null,
        organisationId: input.organisationId ?? null,
        action: input.action,
        targetType: input.targetType ?? null,
        targetId: input.targetId ?? null,
        outcome: input.outcome,
        requestId: input.requestId ?? null,
        ip: input.ip ?? null,
        details: input.details as AuditDetails,
      },
    );
    await work.insert(auditEvents).values(sealed);
    return { seq: sealed.seq, hash: sealed.hash, occurredAt: sealed.occurredAt };
  };
  return tx ? append(tx) : db.transaction(append);
}

/**
 * Walks the whole trail in seq order, a batch at a time, recomputing every hash and link, and
 * returns the first problem found. Events appended while it runs are left for the next run.
 */
export async function verifyAuditChain(
  db: Database,
  options: { batchSize?: number } = {},
): Promise<AuditChainVerdict> {
  const batchSize = options.batchSize ?? DEFAULT_VERIFY_BATCH;
  const [anchor] = await db.select().from(auditTrailAnchor).where(eq(auditTrailAnchor.id, 1));
  if (!anchor) {
    return {
      ok: false,
      checked: 0,
      problem: {
        kind: 'missing',
        seq: 0,
        message: 'the record of where the trail starts and ends was removed',
      },
    };
  }
  const recordedEnd = { seq: anchor.lastSeq, hash: anchor.lastHash };
  let last: ChainPosition = { seq: anchor.firstSeq - 1, hash: anchor.firstPrevHash };
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(gt(auditEvents.seq, last.seq), lte(auditEvents.seq, recordedEnd.seq)))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    const batch = checkChainRows(last, rows);
    checked += batch.checked;
    if (batch.problem) return { ok: false, checked, problem: batch.problem };
    last = batch.last;
    if (rows.length < batchSize) break;
  }
  const endProblem = checkChainEnd(last, recordedEnd);
  if (endProblem) return { ok: false, checked, problem: endProblem };
  return { ok: true, checked, latest: last.seq > 0 ? last : undefined };
}
