import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { addRecordBody, CaseRecord } from '../../../shared/conferences/contract.ts';
import type { RecordKind } from '../../../shared/conferences/names.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import { people } from '../../platform/auth/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Database } from '../../platform/db/connection.ts';
import { type FieldMessage, InvalidError } from '../../platform/errors.ts';
import { type TeamAccess, teamCase } from './access.ts';
import { findActiveParty } from './parties.ts';
import { conferenceItems, conferenceRecords } from './schema.ts';
import { recordContext } from './sealed.ts';

// The confidential writings of a case: a preparation meeting with one party (and the day it was
// held), a party's statement, a facilitator's note, a check-in on an agreement item. Each body
// is sealed; only the case team reads them, every read goes to the audit trail, and the
// firewall keeps them from the agency's disciplinary roles (teamCase refuses and audits).

export type AddRecord = z.output<typeof addRecordBody>;
type RecordRow = typeof conferenceRecords.$inferSelect;

/** What each kind of record must say it is about. */
async function checkAbout(db: Database, access: TeamAccess, body: AddRecord): Promise<void> {
  const problems: FieldMessage[] = [];
  const needsParty = body.kind === 'preparation' || body.kind === 'statement';
  if (needsParty && body.partyId === null) {
    problems.push({ field: 'partyId', message: 'Choose the party this is about.' });
  }
  if (body.kind === 'preparation' && body.heldOn === null) {
    problems.push({ field: 'heldOn', message: 'Give the day the meeting was held.' });
  }
  if (body.kind === 'check_in' && body.itemId === null) {
    problems.push({ field: 'itemId', message: 'Choose the agreement item this check-in is on.' });
  }
  if (body.kind !== 'check_in' && body.itemId !== null) {
    problems.push({ field: 'itemId', message: 'Only a check-in is about an agreement item.' });
  }
  if (problems.length > 0) throw new InvalidError(problems);
  if (body.partyId !== null) {
    if (!(await findActiveParty(db, access.conference.id, body.partyId))) {
      throw new InvalidError([{ field: 'partyId', message: 'Choose a party of this case.' }]);
    }
  }
  if (body.itemId !== null) {
    const [item] = await db
      .select({ id: conferenceItems.id })
      .from(conferenceItems)
      .where(
        and(
          eq(conferenceItems.id, body.itemId),
          eq(conferenceItems.conferenceId, access.conference.id),
        ),
      );
    if (!item) {
      throw new InvalidError([{ field: 'itemId', message: 'Choose an item of this agreement.' }]);
    }
  }
}

/** Opens records with their writers' names. */
export async function openRecords(
  db: Database,
  context: Pick<AppContext, 'cipher'>,
  rows: RecordRow[],
): Promise<CaseRecord[]> {
  const writerIds = [...new Set(rows.map((row) => row.writtenBy))];
  const writers = writerIds.length
    ? await db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(inArray(people.id, writerIds))
    : [];
  const nameOf = new Map(writers.map((writer) => [writer.id, writer.name]));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as RecordKind,
    partyId: row.partyId,
    itemId: row.itemId,
    heldOn: row.heldOn,
    body: context.cipher.decrypt(row.bodySealed, recordContext(row.id)),
    writtenBy: nameOf.get(row.writtenBy) ?? '',
    createdAt: row.createdAt.toISOString(),
  }));
}

/** POST /api/conferences/:id/records */
export async function addRecord(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
  body: AddRecord,
): Promise<CaseRecord> {
  const { db } = context.database;
  const access = await teamCase(db, actor, conferenceId, 'records');
  await checkAbout(db, access, body);
  const recordId = crypto.randomUUID();
  const row = await db.transaction(async (tx) => {
    const [written] = await tx
      .insert(conferenceRecords)
      .values({
        id: recordId,
        conferenceId,
        kind: body.kind,
        partyId: body.partyId,
        itemId: body.itemId,
        heldOn: body.heldOn,
        bodySealed: context.cipher.encrypt(body.body, recordContext(recordId)),
        writtenBy: actor.personId,
      })
      .returning();
    await recordAudit(
      db,
      {
        actorKind: 'person',
        actorId: actor.personId,
        organisationId: access.program.leadOrganisationId,
        action: 'conference.record_added',
        targetType: 'conference',
        targetId: conferenceId,
        outcome: 'succeeded',
        details: { recordId, kind: body.kind },
      },
      tx,
    );
    return written;
  });
  if (!row) throw new Error('The record was not written.');
  const [opened] = await openRecords(db, context, [row]);
  if (!opened) throw new Error('The record was not opened.');
  return opened;
}

/** GET /api/conferences/:id/records: every read is in the audit trail, with what it showed. */
export async function readRecords(
  context: AppContext,
  actor: SignedIn,
  conferenceId: string,
): Promise<CaseRecord[]> {
  const { db } = context.database;
  const access = await teamCase(db, actor, conferenceId, 'records');
  const rows = await db
    .select()
    .from(conferenceRecords)
    .where(eq(conferenceRecords.conferenceId, conferenceId))
    .orderBy(asc(conferenceRecords.createdAt), asc(conferenceRecords.id));
  await recordAudit(db, {
    actorKind: 'person',
    actorId: actor.personId,
    organisationId: access.program.leadOrganisationId,
    action: 'conference.records_read',
    targetType: 'conference',
    targetId: conferenceId,
    outcome: 'succeeded',
    details: { records: rows.length },
  });
  return openRecords(db, context, rows);
}
