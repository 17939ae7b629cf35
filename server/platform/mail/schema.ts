import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { type EmailFrequency, emailFrequencies } from '../../../shared/preferences/contract.ts';

export const outboxStatuses = ['queued', 'sent', 'failed', 'kept'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

// Every email, written here before it is sent (docs/decisions/011-mail-through-an-outbox.md).
// 'kept' is a message that stays here because no mail server is configured (SMTP_URL).
// The bodies and the preferences link carry sign-in and invitation links, so they are sealed
// (docs/decisions/010-field-encryption.md); the context of each is "outbox.<column>:<id>".
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    preferencesUrl: text('preferences_url').notNull(),
    template: text('template').notNull(),
    language: text('language').notNull(),
    /** Sealed JSON of the files sent with it (a calendar invitation); null when there are none. */
    attachments: text('attachments'),
    status: text('status').$type<OutboxStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    check('outbox_status_known', sql`${table.status} in ('queued', 'sent', 'failed', 'kept')`),
    check('outbox_attempts_not_negative', sql`${table.attempts} >= 0`),
    check('outbox_sent_has_time', sql`(${table.status} = 'sent') = (${table.sentAt} is not null)`),
    index('outbox_latest').on(table.createdAt.desc()),
  ],
);

// Which optional emails an address gets (preferences.ts). The choice belongs to the address,
// not to an account, so that an invitee with no account yet can stop emails too.
export const emailPreferences = pgTable(
  'email_preferences',
  {
    address: text('address').primaryKey(),
    frequency: text('frequency').$type<EmailFrequency>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'email_preferences_frequency_known',
      sql`${table.frequency} in (${sql.raw(emailFrequencies.map((value) => `'${value}'`).join(', '))})`,
    ),
  ],
);

/** Optional emails waiting for the reader's daily digest; their text is sealed. */
export const mailDigestItems = pgTable(
  'mail_digest_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    address: text('address').notNull(),
    language: text('language').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('mail_digest_items_address').on(table.address)],
);
