import type { SQL } from 'drizzle-orm';
import type { Database } from './connection.ts';

/** Runs plain SQL and returns its rows; both drivers put them in `rows`. */
export async function queryRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
