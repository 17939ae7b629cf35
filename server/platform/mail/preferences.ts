import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { EmailFrequency } from '../../../shared/preferences/contract.ts';
import type { Database, Transaction } from '../db/connection.ts';
import { emailPreferences } from './schema.ts';

// Which optional emails an address gets: at once, gathered in a daily digest, or none. Every
// email links to a page that changes it without signing in; the link's token is an HMAC of
// the address, good for that and nothing else.

export const DEFAULT_FREQUENCY: EmailFrequency = 'immediately';

const normalised = (address: string) => address.trim().toLowerCase();

export async function frequencyOf(
  db: Database | Transaction,
  address: string,
): Promise<EmailFrequency> {
  const [row] = await db
    .select({ frequency: emailPreferences.frequency })
    .from(emailPreferences)
    .where(eq(emailPreferences.address, normalised(address)));
  return row?.frequency ?? DEFAULT_FREQUENCY;
}

export async function setFrequency(
  db: Database | Transaction,
  address: string,
  frequency: EmailFrequency,
): Promise<void> {
  await db
    .insert(emailPreferences)
    .values({ address: normalised(address), frequency })
    .onConflictDoUpdate({
      target: emailPreferences.address,
      set: { frequency, updatedAt: new Date() },
    });
}

/** Moves an address's choice to its new address, when a person changes their email. */
export async function moveFrequency(db: Database | Transaction, from: string, to: string) {
  const frequency = await frequencyOf(db, from);
  if (frequency !== DEFAULT_FREQUENCY) await setFrequency(db, to, frequency);
}

/** Signs and reads the tokens of preferences links. */
export interface PreferencesTokens {
  tokenFor(address: string): string;
  /** The address a token names, or null when it is not one of ours. */
  addressOf(token: string): string | null;
  /** The page an email links to, for its reader. */
  urlFor(address: string): string;
}

export function preferencesTokens(secret: string, publicUrl: string): PreferencesTokens {
  // A key of its own, derived from the installation's secret, so a token is useless elsewhere.
  const key = createHmac('sha256', secret).update('restorativ email preferences').digest();
  const macOf = (address: string) =>
    createHmac('sha256', key).update(address).digest().subarray(0, 18);
  const tokenFor = (address: string) => {
    const normal = normalised(address);
    return `${Buffer.from(normal).toString('base64url')}.${macOf(normal).toString('base64url')}`;
  };
  return {
    tokenFor,
    addressOf(token) {
      const [encoded, mac] = token.split('.');
      if (!encoded || !mac || token.split('.').length !== 2) return null;
      const address = Buffer.from(encoded, 'base64url').toString('utf8');
      const given = Buffer.from(mac, 'base64url');
      const expected = macOf(address);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return address;
    },
    urlFor(address) {
      return `${publicUrl}/preferences/email?token=${tokenFor(address)}`;
    },
  };
}

/** "r***@example.org": enough for the reader to know it is theirs, not enough to read it off. */
export function maskedAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
