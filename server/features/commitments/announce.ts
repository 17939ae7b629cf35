import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import type { CommitmentRow } from './access.ts';
import { NOTIFY_SUBSCRIBERS_JOB } from './public/notify.ts';

/**
 * Tells the register's followers about a change to a public commitment (the events one request
 * appended, in one email), through a job queued in the same transaction: it goes out only if
 * the change is kept.
 */
export async function announce(
  context: AppContext,
  tx: Transaction,
  row: CommitmentRow,
  eventIds: number[],
): Promise<void> {
  if (row.visibility !== 'public' || eventIds.length === 0) return;
  await context.jobs.enqueue(NOTIFY_SUBSCRIBERS_JOB, { eventIds }, { tx });
}
