import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';
import { instanceSettings } from './schema.ts';

const INSTALLED_AT = 'installed_at';

/** Notes when this installation first started; later starts leave it unchanged. */
export async function recordInstallation(db: Database): Promise<void> {
  await db
    .insert(instanceSettings)
    .values({ key: INSTALLED_AT, value: sql`to_jsonb(now())` })
    .onConflictDoNothing();
}

export async function installedAt(db: Database): Promise<string | undefined> {
  const [row] = await db
    .select({ value: instanceSettings.value })
    .from(instanceSettings)
    .where(eq(instanceSettings.key, INSTALLED_AT));
  // Stored by the database as its own text form of the time; given out as ISO 8601.
  return typeof row?.value === 'string' ? new Date(row.value).toISOString() : undefined;
}
