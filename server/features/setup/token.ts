import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { SETUP_LINK_HOURS } from '../../../shared/setup/contract.ts';
import type { Database } from '../../platform/db/connection.ts';
import { instanceSettings } from '../../platform/instance/schema.ts';

// The one-time setup link: only a hash of its token is stored, it expires, and it is used once.

const SETUP_TOKEN_KEY = 'setup_token';

export interface StoredSetupToken {
  hash: string;
  expiresAt: string;
  /** Set when `restorativ init` already created the admin, who only chooses a password. */
  adminPersonId?: string;
  organisationId?: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueSetupToken(
  db: Database,
  bound: Pick<StoredSetupToken, 'adminPersonId' | 'organisationId'> = {},
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const value: StoredSetupToken = {
    hash: hashOf(token),
    expiresAt: new Date(Date.now() + SETUP_LINK_HOURS * 3_600_000).toISOString(),
    ...bound,
  };
  await db
    .insert(instanceSettings)
    .values({ key: SETUP_TOKEN_KEY, value })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value, updatedAt: sql`now()` } });
  return token;
}

/** The stored token that `token` matches, if it has not expired. */
export async function findSetupToken(
  db: Database,
  token: string,
): Promise<StoredSetupToken | undefined> {
  const [row] = await db
    .select({ value: instanceSettings.value })
    .from(instanceSettings)
    .where(eq(instanceSettings.key, SETUP_TOKEN_KEY));
  const stored = row?.value as StoredSetupToken | undefined;
  if (!stored || Date.parse(stored.expiresAt) < Date.now()) return undefined;
  const given = Buffer.from(hashOf(token));
  const expected = Buffer.from(stored.hash);
  return given.length === expected.length && timingSafeEqual(given, expected) ? stored : undefined;
}

/** Uses the token up; false when another request used it first. */
export async function consumeSetupToken(db: Database, stored: StoredSetupToken): Promise<boolean> {
  const removed = await db
    .delete(instanceSettings)
    .where(
      and(
        eq(instanceSettings.key, SETUP_TOKEN_KEY),
        sql`${instanceSettings.value}->>'hash' = ${stored.hash}`,
      ),
    )
    .returning({ key: instanceSettings.key });
  return removed.length === 1;
}
