import { and, count, eq, gt } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/connection.ts';
import { TooManyRequestsError } from '../../platform/errors.ts';
import { dialogueReports, dialogueStatements, dialogueVotes } from './schema.ts';

// Limits per participant, not per address: a meeting room of residents behind one address must
// not share one limit, and one person must not flood a dialogue from many addresses. They are
// counted from the rows the participant wrote (statements, votes, reports) inside the
// transaction that adds one: every process of an installation counts the same rows, and a
// restart forgets nothing. A changed vote counts once per statement in the window (its time is
// the last change): flipping one vote back and forth adds no statements to anyone's page, and
// the live report's signals are throttled anyway (live.ts).

export interface ParticipantLimit {
  max: number;
  perMinutes: number;
}

export const participantLimits = {
  statements: { max: 10, perMinutes: 60 },
  votes: { max: 300, perMinutes: 10 },
  reports: { max: 20, perMinutes: 60 },
} as const satisfies Record<string, ParticipantLimit>;

const since = (limit: ParticipantLimit) => new Date(Date.now() - limit.perMinutes * 60_000);

function refuse(limit: ParticipantLimit, what: string): never {
  const window = limit.perMinutes >= 60 ? 'an hour' : `${limit.perMinutes} minutes`;
  throw new TooManyRequestsError(
    `You have ${what} ${limit.max} times in ${window}, the most a dialogue takes. Please wait a while and try again.`,
    { code: 'participant_limit' },
  );
}

export async function ensureStatementAllowed(tx: Transaction, participantId: string) {
  const limit = participantLimits.statements;
  const [row] = await tx
    .select({ n: count() })
    .from(dialogueStatements)
    .where(
      and(
        eq(dialogueStatements.authorParticipantId, participantId),
        gt(dialogueStatements.createdAt, since(limit)),
      ),
    );
  if ((row?.n ?? 0) >= limit.max) refuse(limit, 'added a statement');
}

export async function ensureVoteAllowed(tx: Transaction, participantId: string) {
  const limit = participantLimits.votes;
  const [row] = await tx
    .select({ n: count() })
    .from(dialogueVotes)
    .where(
      and(eq(dialogueVotes.participantId, participantId), gt(dialogueVotes.votedAt, since(limit))),
    );
  if ((row?.n ?? 0) >= limit.max) refuse(limit, 'voted');
}

export async function ensureReportAllowed(tx: Transaction, participantId: string) {
  const limit = participantLimits.reports;
  const [row] = await tx
    .select({ n: count() })
    .from(dialogueReports)
    .where(
      and(
        eq(dialogueReports.participantId, participantId),
        gt(dialogueReports.createdAt, since(limit)),
      ),
    );
  if ((row?.n ?? 0) >= limit.max) refuse(limit, 'reported a statement');
}
