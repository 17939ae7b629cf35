import { createHash } from 'node:crypto';
import type { AuditActorKind, AuditDetails, AuditDetailValue, AuditOutcome } from './schema.ts';

// The pure rules of the hash chain: how an event is serialised and hashed, and how a run of
// stored events is checked against the one before it. No I/O here, so that every rule is tested
// exhaustively (chain.test.ts) and the service only reads, locks and writes.

/** The hash that event 1 follows. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the serialisation ever changes; older events keep verifying under their version. */
const CANONICAL_VERSION = 1;

/** Every field of an event that its hash covers, as stored. */
export interface ChainedAuditFields {
  seq: number;
  occurredAt: Date;
  actorKind: AuditActorKind;
  actorId: string | null;
  organisationId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  ip: string | null;
  details: AuditDetails;
}

export interface StoredAuditEvent extends ChainedAuditFields {
  prevHash: string;
  hash: string;
}

/** A place in the chain: the last event checked (seq 0 and the genesis hash before event 1). */
export interface ChainPosition {
  seq: number;
  hash: string;
}

export const CHAIN_START: ChainPosition = { seq: 0, hash: GENESIS_HASH };

export type ChainProblemKind = 'altered' | 'missing' | 'reordered';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The chain position where the problem shows: the altered event, or the one missing. */
  seq: number;
  /** A clause an operator reads after "The audit trail has been tampered with: ". */
  message: string;
}

/** JSON with object keys in code-unit order at every depth: one text for one value. */
export function canonicalJson(value: AuditDetailValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`).join(',')}}`;
}

/**
 * The text an event's hash is computed over: every field and the previous hash, as canonical
 * JSON with its keys in a fixed order. Times are ISO 8601 in UTC to the millisecond, as stored.
 */
export function canonicalAuditText(event: ChainedAuditFields, prevHash: string): string {
  return canonicalJson({
    v: CANONICAL_VERSION,
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actorKind: event.actorKind,
    actorId: event.actorId,
    organisationId: event.organisationId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    outcome: event.outcome,
    requestId: event.requestId,
    ip: event.ip,
    details: event.details,
    prevHash,
  });
}

export function auditHash(event: ChainedAuditFields, prevHash: string): string {
  return createHash('sha256').update(canonicalAuditText(event, prevHash), 'utf8').digest('hex');
}

/** Links new event contents to the chain after `previous`, as the service stores them. */
export function sealAuditEvent(
  previous: ChainPosition,
  fields: Omit<ChainedAuditFields, 'seq'>,
): StoredAuditEvent {
  const event = { ...fields, seq: previous.seq + 1 };
  return { ...event, prevHash: previous.hash, hash: auditHash(event, previous.hash) };
}

const count = new Intl.NumberFormat('en-US');
const eventName = (seq: number) => `event ${count.format(seq)}`;

/** The first problem in the very next event after `previous`, if it has one. */
export function checkNextEvent(
  previous: ChainPosition,
  row: StoredAuditEvent,
): ChainProblem | undefined {
  const expected = previous.seq + 1;
  if (row.seq < expected) {
    return {
      kind: 'reordered',
      seq: row.seq,
      message: `${eventName(row.seq)} is out of order (it comes after ${eventName(previous.seq)})`,
    };
  }
  if (row.seq > expected) {
    const span =
      previous.seq === 0
        ? `the trail starts at ${eventName(row.seq)}`
        : `the trail goes from ${eventName(previous.seq)} to ${eventName(row.seq)}`;
    return {
      kind: 'missing',
      seq: expected,
      message: `${eventName(expected)} is missing (${span})`,
    };
  }
  if (auditHash(row, row.prevHash) !== row.hash) {
    return {
      kind: 'altered',
      seq: row.seq,
      message: `${eventName(row.seq)} was altered (its contents no longer match its hash)`,
    };
  }
  if (row.prevHash !== previous.hash) {
    const before = previous.seq === 0 ? 'the start of the trail' : eventName(previous.seq);
    return {
      kind: 'missing',
      seq: row.seq,
      message: `${eventName(row.seq)} no longer links to ${before} (an event there was removed or replaced)`,
    };
  }
  return undefined;
}

export interface ChainCheck {
  /** How many events, from the first given, were found intact before any problem. */
  checked: number;
  /** The last intact event, where the next batch carries on. */
  last: ChainPosition;
  problem?: ChainProblem;
}

/** Checks a run of events, in the order stored, that should follow `previous`. */
export function checkChainRows(
  previous: ChainPosition,
  rows: readonly StoredAuditEvent[],
): ChainCheck {
  let last = previous;
  let checked = 0;
  for (const row of rows) {
    const problem = checkNextEvent(last, row);
    if (problem) return { checked, last, problem };
    last = { seq: row.seq, hash: row.hash };
    checked++;
  }
  return { checked, last };
}

/**
 * Compares the last event found with the recorded end of the trail: events removed from the end
 * leave no gap, so this is the only way to see them.
 */
export function checkChainEnd(
  last: ChainPosition,
  recordedEnd: ChainPosition,
): ChainProblem | undefined {
  if (last.seq < recordedEnd.seq) {
    const missing = last.seq + 1;
    const found = last.seq === 0 ? 'no events remain' : `the trail ends at ${eventName(last.seq)}`;
    return {
      kind: 'missing',
      seq: missing,
      message: `${eventName(missing)} is missing (${found}, but it was recorded up to ${eventName(recordedEnd.seq)})`,
    };
  }
  if (last.seq === recordedEnd.seq && last.hash !== recordedEnd.hash) {
    return {
      kind: 'altered',
      seq: last.seq,
      message: `${eventName(last.seq)} was altered (it no longer matches the recorded end of the trail)`,
    };
  }
  return undefined;
}
