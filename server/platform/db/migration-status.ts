import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './connection.ts';
import { queryRows } from './rows.ts';

const journalPath = fileURLToPath(new URL('./migrations/meta/_journal.json', import.meta.url));

export interface MigrationStatus {
  known: number;
  applied: number;
}

/** How many of the migrations this version ships have been applied to the database. */
export async function migrationStatus(db: Database): Promise<MigrationStatus> {
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  const applied = exists?.present
    ? Number(
        (
          await queryRows<{ count: number }>(
            db,
            sql`select count(*) as count from drizzle.__drizzle_migrations`,
          )
        )[0]?.count ?? 0,
      )
    : 0;
  return { known: journal.entries.length, applied };
}
