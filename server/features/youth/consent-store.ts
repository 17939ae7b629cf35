import { asc, eq, inArray } from 'drizzle-orm';
import {
  applyConsent,
  type ConsentCommand,
  type ConsentEvent,
  type ConsentRefusal,
  type ConsentState,
  decideConsent,
  foldConsent,
  mayTakePart,
} from '../../../shared/youth/consent.ts';
import type { ConsentView } from '../../../shared/youth/contract.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { youngPeople, youthConsentEvents } from './schema.ts';

// A consent is its events, folded by the pure machine; a command is decided on them with the
// young person's row locked, so that two answers at once cannot both be taken.

export interface StoredConsent {
  state: ConsentState;
  /** The seq of the last event; 0 before any. */
  lastSeq: number;
  /** The seq of the latest request, which the current guardian link answers. */
  requestSeq: number | null;
  /** When the guardian last answered (gave, declined or withdrew); null before. */
  answeredAt: number | null;
  /** When anything last happened: the latest request or answer; null before any. */
  lastEventAt: number | null;
}

function storedFrom(rows: { seq: number; event: ConsentEvent }[]): StoredConsent {
  const last = rows.at(-1);
  return {
    state: foldConsent(rows.map((row) => row.event)),
    lastSeq: rows.at(-1)?.seq ?? 0,
    requestSeq: rows.findLast((row) => row.event.type === 'requested')?.seq ?? null,
    answeredAt: last && last.event.type !== 'requested' ? last.event.at : null,
    lastEventAt: last?.event.at ?? null,
  };
}

export async function loadConsent(
  db: Database | Transaction,
  youngPersonId: string,
): Promise<StoredConsent> {
  const rows = await db
    .select({ seq: youthConsentEvents.seq, event: youthConsentEvents.event })
    .from(youthConsentEvents)
    .where(eq(youthConsentEvents.youngPersonId, youngPersonId))
    .orderBy(asc(youthConsentEvents.seq));
  return storedFrom(rows);
}

/** Consents of many young people at once, for a list. */
export async function loadConsents(
  db: Database | Transaction,
  youngPersonIds: string[],
): Promise<Map<string, StoredConsent>> {
  if (youngPersonIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(youthConsentEvents)
    .where(inArray(youthConsentEvents.youngPersonId, youngPersonIds))
    .orderBy(asc(youthConsentEvents.youngPersonId), asc(youthConsentEvents.seq));
  return new Map(
    youngPersonIds.map((id) => [id, storedFrom(rows.filter((row) => row.youngPersonId === id))]),
  );
}

export type ConsentOutcome =
  | { ok: true; event: ConsentEvent; seq: number; state: ConsentState }
  | { ok: false; refusal: ConsentRefusal; state: ConsentState };

/**
 * Decides `command` on the stored consent and keeps its event. Call inside the transaction
 * that locked the young person's row (`lockYoungPerson`).
 */
export async function commandConsent(
  tx: Transaction,
  youngPersonId: string,
  command: ConsentCommand,
  currentVersion: number,
): Promise<ConsentOutcome> {
  const stored = await loadConsent(tx, youngPersonId);
  const decision = decideConsent(stored.state, command, currentVersion);
  if (!decision.ok) return { ok: false, refusal: decision.refusal, state: stored.state };
  const seq = stored.lastSeq + 1;
  await tx.insert(youthConsentEvents).values({ youngPersonId, seq, event: decision.event });
  return {
    ok: true,
    event: decision.event,
    seq,
    state: applyConsent(stored.state, decision.event),
  };
}

export async function lockYoungPerson(tx: Transaction, youngPersonId: string) {
  const [row] = await tx
    .select()
    .from(youngPeople)
    .where(eq(youngPeople.id, youngPersonId))
    .for('update');
  return row;
}

export function consentViewOf(
  { state, answeredAt }: Pick<StoredConsent, 'state' | 'answeredAt'>,
  now: number,
  currentVersion: number,
): ConsentView {
  const current = mayTakePart(state, now, currentVersion);
  return {
    status: state.status,
    current,
    lapsed: state.status === 'given' && !current,
    expiresAt: state.expiresAt === null ? null : new Date(state.expiresAt).toISOString(),
    answeredAt: answeredAt === null ? null : new Date(answeredAt).toISOString(),
  };
}
