import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.ts';
import { commitmentSubscriptions } from '../schema.ts';
import { hrefOf } from './page.ts';
import { findScope, type RegisterScope, type ScopeKind } from './scope.ts';
import type { RegisterLanguage } from './words.ts';

// Following a register by email, with double opt-in: a request stores the address sealed and
// sends a link; only the POST behind that link confirms; unsubscribing deletes the row.
//
// Links carry `<row id>.<HMAC of purpose and id>` rather than a stored random token: the id is
// a random UUID and the MAC needs the installation's secret, so a link cannot be guessed or
// forged; nothing secret is stored beside the address; every update email can carry the link
// without keeping a token for it; and a link dies with its row, which is what unsubscribing
// does. A confirm link cannot unsubscribe and an unsubscribe link cannot confirm.
//
// Unconfirmed rows whose last confirmation email is more than CONFIRM_WITHIN_DAYS old are
// deleted on the next subscription request, confirmation or update run (no timer needed), and
// are never confirmed meanwhile.

export const CONFIRM_WITHIN_DAYS = 7;
const RESEND_AFTER_MINUTES = 10;

type Purpose = 'confirm' | 'unsubscribe';
type Row = typeof commitmentSubscriptions.$inferSelect;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const addressContext = (id: string) => `commitment_subscriptions.address:${id}`;

export function subscriptionLinks(context: AppContext) {
  const tokenKey = context.deriveKey('register subscription links');
  const hashKey = context.deriveKey('register subscription addresses');
  const macOf = (purpose: Purpose, id: string) =>
    createHmac('sha256', tokenKey).update(`${purpose}:${id}`).digest().subarray(0, 18);
  const tokenFor = (purpose: Purpose, id: string) =>
    `${id}.${macOf(purpose, id).toString('base64url')}`;
  return {
    /** A keyed hash of the address: finds a repeated request without reading any address. */
    hashOf: (address: string) =>
      createHmac('sha256', hashKey).update(address.trim().toLowerCase()).digest('hex'),
    /** The row a link names, or null when the link is not one of ours for this purpose. */
    idOf(purpose: Purpose, token: unknown): string | null {
      if (typeof token !== 'string') return null;
      const [id = '', mac = '', ...rest] = token.split('.');
      if (rest.length > 0 || !UUID.test(id)) return null;
      const given = Buffer.from(mac, 'base64url');
      const expected = macOf(purpose, id);
      return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
    },
    urlFor(purpose: Purpose, id: string, language: RegisterLanguage) {
      const path = purpose === 'confirm' ? 'confirm' : 'unsubscribe';
      return `${context.config.publicUrl}${hrefOf(`/register/subscriptions/${path}`, language, {
        token: tokenFor(purpose, id),
      })}`;
    },
  };
}

async function purgeUnconfirmed(context: AppContext): Promise<void> {
  await context.database.db
    .delete(commitmentSubscriptions)
    .where(
      and(
        isNull(commitmentSubscriptions.confirmedAt),
        lt(
          commitmentSubscriptions.confirmationSentAt,
          sql`now() - make_interval(days => ${CONFIRM_WITHIN_DAYS})`,
        ),
      ),
    );
}

/**
 * A request to follow a register. It answers nothing: whether the address was new, waiting or
 * following already, the person sees the same page, so no one learns who follows what.
 */
export async function requestSubscription(
  context: AppContext,
  scope: RegisterScope,
  address: string,
  language: RegisterLanguage,
): Promise<void> {
  const { db } = context.database;
  const links = subscriptionLinks(context);
  await purgeUnconfirmed(context);
  const addressHash = links.hashOf(address);
  const inScope =
    scope.kind === 'organisation'
      ? eq(commitmentSubscriptions.organisationId, scope.id)
      : eq(commitmentSubscriptions.programId, scope.id);
  const [existing] = await db
    .select()
    .from(commitmentSubscriptions)
    .where(and(eq(commitmentSubscriptions.addressHash, addressHash), inScope));
  if (existing?.confirmedAt) return;

  await db.transaction(async (tx) => {
    let id: string;
    if (existing) {
      // Sent again at most every few minutes, so the form cannot be used to flood a mailbox.
      const [resent] = await tx
        .update(commitmentSubscriptions)
        .set({ confirmationSentAt: sql`now()`, language })
        .where(
          and(
            eq(commitmentSubscriptions.id, existing.id),
            lt(
              commitmentSubscriptions.confirmationSentAt,
              sql`now() - make_interval(mins => ${RESEND_AFTER_MINUTES})`,
            ),
          ),
        )
        .returning({ id: commitmentSubscriptions.id });
      if (!resent) return;
      id = resent.id;
    } else {
      id = crypto.randomUUID();
      const inserted = await tx
        .insert(commitmentSubscriptions)
        .values({
          id,
          scope: scope.kind,
          organisationId: scope.kind === 'organisation' ? scope.id : null,
          programId: scope.kind === 'program' ? scope.id : null,
          address: context.cipher.encrypt(address.trim(), addressContext(id)),
          addressHash,
          language,
        })
        // Two requests at once: the other one stored it and sends its email.
        .onConflictDoNothing()
        .returning({ id: commitmentSubscriptions.id });
      if (inserted.length === 0) return;
    }
    await context.mail.send(
      {
        to: address.trim(),
        template: 'register-confirm',
        language,
        data: {
          placeName: scope.name,
          link: links.urlFor('confirm', id, language),
          validDays: CONFIRM_WITHIN_DAYS,
        },
      },
      { tx },
    );
  });
}

export type LinkAnswer =
  | { kind: 'malformed' }
  | { kind: 'gone' }
  | { kind: 'found'; row: Row; scope: RegisterScope };

async function answerOf(context: AppContext, row: Row | undefined): Promise<LinkAnswer> {
  if (!row) return { kind: 'gone' };
  const kind: ScopeKind = row.scope;
  const scope = await findScope(
    context.database.db,
    kind,
    row.organisationId ?? row.programId ?? '',
  );
  return scope ? { kind: 'found', row, scope } : { kind: 'gone' };
}

/** What a link names, without changing anything: the pages behind GET links only read. */
export async function subscriptionOfLink(
  context: AppContext,
  purpose: Purpose,
  token: unknown,
): Promise<LinkAnswer> {
  const id = subscriptionLinks(context).idOf(purpose, token);
  if (!id) return { kind: 'malformed' };
  if (purpose === 'confirm') await purgeUnconfirmed(context);
  const [row] = await context.database.db
    .select()
    .from(commitmentSubscriptions)
    .where(eq(commitmentSubscriptions.id, id));
  return answerOf(context, row);
}

/** Confirms the subscription a link names; confirming twice is the same as once. */
export async function confirmSubscription(
  context: AppContext,
  token: unknown,
): Promise<LinkAnswer> {
  const found = await subscriptionOfLink(context, 'confirm', token);
  if (found.kind !== 'found' || found.row.confirmedAt) return found;
  await context.database.db
    .update(commitmentSubscriptions)
    .set({ confirmedAt: sql`now()` })
    .where(eq(commitmentSubscriptions.id, found.row.id));
  return found;
}

/** Deletes the subscription a link names: least data, and the link stops working. */
export async function unsubscribe(context: AppContext, token: unknown): Promise<LinkAnswer> {
  const id = subscriptionLinks(context).idOf('unsubscribe', token);
  if (!id) return { kind: 'malformed' };
  const [row] = await context.database.db
    .delete(commitmentSubscriptions)
    .where(eq(commitmentSubscriptions.id, id))
    .returning();
  return answerOf(context, row);
}

export interface Follower {
  address: string;
  addressHash: string;
  language: RegisterLanguage;
  subscriptionId: string;
  scope: ScopeKind;
  /** The organisation or program followed. */
  scopeId: string;
}

/** Confirmed followers of a program or of any organisation that runs it, addresses opened. */
export async function confirmedFollowers(
  context: AppContext,
  registers: { programId: string; organisationIds: readonly string[] },
): Promise<Follower[]> {
  await purgeUnconfirmed(context);
  const rows = await context.database.db
    .select()
    .from(commitmentSubscriptions)
    .where(
      and(
        isNotNull(commitmentSubscriptions.confirmedAt),
        or(
          eq(commitmentSubscriptions.programId, registers.programId),
          registers.organisationIds.length > 0
            ? inArray(commitmentSubscriptions.organisationId, [...registers.organisationIds])
            : undefined,
        ),
      ),
    );
  return rows.map((row) => ({
    address: context.cipher.decrypt(row.address, addressContext(row.id)),
    addressHash: row.addressHash,
    language: row.language === 'es' ? 'es' : 'en',
    subscriptionId: row.id,
    scope: row.scope,
    scopeId: row.organisationId ?? row.programId ?? '',
  }));
}
