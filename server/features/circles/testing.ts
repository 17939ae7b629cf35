import type {
  CircleStatus,
  HarvestStatus,
  TranscriptMessage,
  VoiceReport,
} from '../../../shared/circles/contract.ts';
import type { CircleRole } from '../../../shared/circles/machine.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { themesContext } from './harvest-view.ts';
import {
  circleHarvestReviews,
  circleHarvests,
  circleInvitees,
  circleParticipants,
  circleSeries,
  circles,
  circleTranscripts,
} from './schema.ts';
import { sealTranscript } from './transcript.ts';

// Circles as tests need them, written straight to the database: a circle that has met and
// closed, with its keepers, its seats and its equal-voice figures, without going through the
// planning routes or the room (which are tested on their own).

type Executor = Database | Transaction;

export interface TestSeat {
  personId: string;
  displayName: string;
  role: CircleRole;
  language?: 'en' | 'es';
}

export interface TestCircle {
  programId: string;
  keeperId: string;
  coKeeperId?: string | null;
  /** Who planned it; its keeper unless told otherwise. */
  plannedBy?: string;
  purpose?: string;
  status?: CircleStatus;
  startsAt?: Date;
  seats?: TestSeat[];
  voice?: VoiceReport | null;
  series?: { id: string; position: number };
  training?: boolean;
}

/** A circle (closed unless told otherwise) with its seats; the seat ids by person. */
export async function insertCircle(
  db: Executor,
  circle: TestCircle,
): Promise<{ circleId: string; seatOf: Map<string, string> }> {
  const circleId = crypto.randomUUID();
  const status = circle.status ?? 'closed';
  const startsAt = circle.startsAt ?? new Date(Date.now() - 2 * 3_600_000);
  await db.insert(circles).values({
    id: circleId,
    programId: circle.programId,
    seriesId: circle.series?.id ?? null,
    seriesPosition: circle.series?.position ?? 1,
    purpose: circle.purpose ?? 'Listening to each other about traffic stops',
    startsAt,
    timeZone: 'America/Chicago',
    keeperId: circle.keeperId,
    coKeeperId: circle.coKeeperId ?? null,
    capacity: 12,
    language: 'en',
    status,
    training: circle.training ?? false,
    openedAt: status === 'scheduled' ? null : startsAt,
    closedAt: status === 'closed' ? new Date(startsAt.getTime() + 90 * 60_000) : null,
    voice: status === 'closed' ? (circle.voice ?? null) : null,
    createdBy: circle.plannedBy ?? circle.keeperId,
  });
  const seatOf = new Map<string, string>();
  for (const seat of circle.seats ?? []) {
    const id = crypto.randomUUID();
    await db.insert(circleParticipants).values({
      id,
      circleId,
      personId: seat.personId,
      displayName: seat.displayName,
      role: seat.role,
      language: seat.language ?? 'en',
      guidelinesVersion: 1,
    });
    seatOf.set(seat.personId, id);
  }
  return { circleId, seatOf };
}

/** A series of `count` circles in a program, to place circles in with `series`. */
export async function insertSeries(
  db: Executor,
  programId: string,
  createdBy: string,
  count: number,
): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(circleSeries).values({ id, programId, repeat: 'weekly', count, createdBy });
  return id;
}

/** Someone asked to the circle by their account. */
export async function insertInvitee(
  db: Executor,
  circleId: string,
  personId: string,
  invitedBy: string,
): Promise<void> {
  await db.insert(circleInvitees).values({
    id: crypto.randomUUID(),
    circleId,
    personId,
    language: 'en',
    tokenHash: crypto.randomUUID(),
    invitedBy,
  });
}

/** The transcript the room keeps when everyone consented, until `purgeAfter`. */
export async function insertTranscript(
  db: Executor,
  cipher: FieldCipher,
  circleId: string,
  messages: TranscriptMessage[],
  purgeAfter: Date,
): Promise<void> {
  await db.insert(circleTranscripts).values({
    circleId,
    body: sealTranscript(cipher, circleId, messages),
    purgeAfter,
  });
}

/** A harvest of themes only, as far as `status`; `approvedBy` seats have approved it. */
export async function insertHarvest(
  db: Executor,
  cipher: FieldCipher,
  circleId: string,
  harvest: { writtenBy: string; status: HarvestStatus; approvedBy?: string[] },
): Promise<void> {
  await db.insert(circleHarvests).values({
    circleId,
    themes: cipher.encrypt('What we heard from each other.', themesContext(circleId)),
    status: harvest.status,
    writtenBy: harvest.writtenBy,
    sharedAt: harvest.status === 'draft' ? null : new Date(),
  });
  for (const participantId of harvest.approvedBy ?? []) {
    await db.insert(circleHarvestReviews).values({ circleId, participantId, decision: 'approve' });
  }
}
