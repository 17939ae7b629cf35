import { asc, eq, inArray } from 'drizzle-orm';
import type { ParticipantRole } from '../../../shared/dialogues/analysis.ts';
import type {
  ModeratedStatement,
  ModerationQueue,
  StatementStatus,
} from '../../../shared/dialogues/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database } from '../../platform/db/connection.ts';
import { manageableDialogue } from './access.ts';
import { wordsOf } from './held-words.ts';
import { dialogueParticipants, dialogueReports, dialogueStatements } from './schema.ts';
import type { StatementRow } from './statement-state.ts';

// The facilitator's queue: what waits for them (held statements first, since someone may be in
// danger; then those waiting to be published; then published or hidden ones that participants
// reported and no one has looked at since), and what was decided, latest first.

interface Author {
  role: string;
  displayName: string;
  blockedAt: Date | null;
}

type Reports = Map<string, { reason: string; at: Date; resolved: boolean }[]>;

async function reportsOf(db: Database, statementIds: string[]): Promise<Reports> {
  const reports: Reports = new Map();
  if (statementIds.length === 0) return reports;
  const rows = await db
    .select()
    .from(dialogueReports)
    .where(inArray(dialogueReports.statementId, statementIds))
    .orderBy(asc(dialogueReports.createdAt));
  for (const row of rows) {
    const list = reports.get(row.statementId) ?? [];
    list.push({ reason: row.reason, at: row.createdAt, resolved: row.resolvedAt !== null });
    reports.set(row.statementId, list);
  }
  return reports;
}

export function moderatedOf(
  cipher: FieldCipher,
  row: StatementRow,
  author: Author | null,
  reports: { reason: string; at: Date }[],
): ModeratedStatement {
  return {
    id: row.id,
    number: row.number,
    text: wordsOf(cipher, row),
    language: row.language,
    status: row.status as StatementStatus,
    reason: row.reason,
    authorRole: (author?.role as ParticipantRole | undefined) ?? 'facilitator',
    authorName: author?.displayName ?? null,
    authorParticipantId: row.authorParticipantId,
    authorBlocked: author?.blockedAt != null,
    reports: reports.map((report) => ({ reason: report.reason, at: report.at.toISOString() })),
    crisis: row.crisis,
    at: row.createdAt.toISOString(),
  };
}

/** Statements of a dialogue as the queue shows them, with their authors and reports. */
export async function moderatedStatements(
  { db, cipher }: { db: Database; cipher: FieldCipher },
  rows: StatementRow[],
): Promise<{ row: StatementRow; item: ModeratedStatement; openReports: number }[]> {
  const authorIds = [...new Set(rows.flatMap((row) => row.authorParticipantId ?? []))];
  const authors = new Map<string, Author>();
  if (authorIds.length > 0) {
    const found = await db
      .select()
      .from(dialogueParticipants)
      .where(inArray(dialogueParticipants.id, authorIds));
    for (const author of found) authors.set(author.id, author);
  }
  const reports = await reportsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const list = reports.get(row.id) ?? [];
    const author = row.authorParticipantId ? (authors.get(row.authorParticipantId) ?? null) : null;
    return {
      row,
      item: moderatedOf(cipher, row, author, list),
      openReports: list.filter((report) => !report.resolved).length,
    };
  });
}

const waitingOrder: Record<string, number> = { held: 0, pending: 1 };

/** GET /api/dialogues/:id/moderation, for whoever manages the dialogue. */
export async function moderationQueue(
  { db, cipher }: { db: Database; cipher: FieldCipher },
  actor: SignedIn,
  dialogueId: string,
): Promise<ModerationQueue> {
  await manageableDialogue(db, actor, dialogueId);
  const rows = await db
    .select()
    .from(dialogueStatements)
    .where(eq(dialogueStatements.dialogueId, dialogueId))
    .orderBy(asc(dialogueStatements.createdAt), asc(dialogueStatements.number));
  const statements = await moderatedStatements({ db, cipher }, rows);
  const waiting = statements
    .filter(
      ({ row, openReports }) =>
        row.status === 'held' || row.status === 'pending' || openReports > 0,
    )
    .sort((a, b) => (waitingOrder[a.row.status] ?? 2) - (waitingOrder[b.row.status] ?? 2));
  const waitingIds = new Set(waiting.map(({ row }) => row.id));
  const decided = statements
    .filter(({ row }) => row.moderatedAt !== null && !waitingIds.has(row.id))
    .sort(
      (a, b) =>
        (b.row.moderatedAt?.getTime() ?? 0) - (a.row.moderatedAt?.getTime() ?? 0) ||
        b.row.number - a.row.number,
    );
  return { waiting: waiting.map(({ item }) => item), decided: decided.map(({ item }) => item) };
}
