import { desc, eq, sql } from 'drizzle-orm';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { Database, Transaction } from '../db/connection.ts';
import { queryRows } from '../db/rows.ts';
import { type OutboxStatus, outbox } from './schema.ts';
import type { Language, RenderedEmail, TemplateName } from './templates/index.ts';

// The outbox table as the mail service, the CLI and the development route read and write it.
// Bodies and the preferences link are sealed; their context names the column and the row.

export interface OutboxSummary {
  id: number;
  toAddress: string;
  subject: string;
  template: string;
  language: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** A file sent with an email, as text: a calendar invitation (.ics), say. */
export interface MailAttachment {
  filename: string;
  /** The full media type, e.g. 'text/calendar; charset=utf-8; method=REQUEST'. */
  contentType: string;
  content: string;
}

export interface OutboxMessage extends OutboxSummary {
  textBody: string;
  htmlBody: string;
  preferencesUrl: string;
  attachments: MailAttachment[];
}

export interface NewOutboxMessage {
  to: string;
  template: TemplateName;
  language: Language;
  email: RenderedEmail;
  /** The List-Unsubscribe link: the reader's preferences, or the email's own unsubscribe link. */
  preferencesUrl: string;
  status: 'queued' | 'kept';
  attachments?: readonly MailAttachment[];
}

const sealedColumns = ['text_body', 'html_body', 'preferences_url', 'attachments'] as const;
const contextOf = (column: (typeof sealedColumns)[number], id: number) => `outbox.${column}:${id}`;

const summaryColumns = {
  id: outbox.id,
  toAddress: outbox.toAddress,
  subject: outbox.subject,
  template: outbox.template,
  language: outbox.language,
  status: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  sentAt: outbox.sentAt,
};

export async function insertOutboxMessage(
  db: Database | Transaction,
  cipher: FieldCipher,
  message: NewOutboxMessage,
): Promise<number> {
  // The id is taken first, because each sealed value is bound to its row.
  const [row] = await queryRows<{ id: string | number }>(
    db,
    sql`select nextval(pg_get_serial_sequence('outbox', 'id')) as id`,
  );
  const id = Number(row?.id);
  await db.insert(outbox).values({
    id,
    toAddress: message.to,
    subject: message.email.subject,
    textBody: cipher.encrypt(message.email.text, contextOf('text_body', id)),
    htmlBody: cipher.encrypt(message.email.html, contextOf('html_body', id)),
    preferencesUrl: cipher.encrypt(message.preferencesUrl, contextOf('preferences_url', id)),
    // An invitation's calendar file carries the reader's own link: sealed like the bodies.
    attachments: message.attachments?.length
      ? cipher.encrypt(JSON.stringify(message.attachments), contextOf('attachments', id))
      : null,
    template: message.template,
    language: message.language,
    status: message.status,
  });
  return id;
}

/** The latest messages, newest first, without their bodies. */
export async function latestOutboxMessages(db: Database, limit = 20): Promise<OutboxSummary[]> {
  return db
    .select(summaryColumns)
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** One message in full; throws a DecryptionError if its key is no longer configured. */
export async function readOutboxMessage(
  db: Database,
  cipher: FieldCipher,
  id: number,
): Promise<OutboxMessage | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) return undefined;
  return {
    ...row,
    textBody: cipher.decrypt(row.textBody, contextOf('text_body', id)),
    htmlBody: cipher.decrypt(row.htmlBody, contextOf('html_body', id)),
    preferencesUrl: cipher.decrypt(row.preferencesUrl, contextOf('preferences_url', id)),
    attachments:
      row.attachments === null
        ? []
        : (JSON.parse(
            cipher.decrypt(row.attachments, contextOf('attachments', id)),
          ) as MailAttachment[]),
  };
}

export async function recordSent(db: Database, id: number): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: sql`now()`, attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, id));
}

/** A message queued while a mail server was set, kept because none is set any more. */
export async function recordKept(db: Database, id: number): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'kept', lastError: 'SMTP_URL was unset before it was sent' })
    .where(eq(outbox.id, id));
}

/** One attempt that did not deliver; `final` when no other attempt will follow. */
export async function recordFailedAttempt(
  db: Database,
  id: number,
  error: string,
  final: boolean,
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: final ? 'failed' : 'queued',
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 2_000),
    })
    .where(eq(outbox.id, id));
}
