import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { commitmentSources, commitmentVisibilities } from '../../../shared/commitments/contract.ts';
import { commitmentStatuses } from '../../../shared/commitments/machine.ts';
import { people } from '../../platform/auth/schema.ts';
import { sqlList } from '../../platform/db/sql-list.ts';
import { organisations, programs } from '../organisations/schema.ts';

/**
 * A commitment on the accountability register. Its status, due day, progress and verification
 * are the fold of its events (shared/commitments/machine.ts), kept here too so that lists and the
 * public pages filter them in SQL; they change only in the transaction that appends the event.
 */
export const commitments = pgTable(
  'commitments',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source').notNull(),
    /** The circle, conference or dialogue it came from; null for one entered by hand. */
    sourceId: text('source_id'),
    sourceLabel: text('source_label').notNull().default(''),
    /** Always set: a person's own organisation, or the owning organisation itself. */
    ownerOrganisationId: text('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    ownerUnit: text('owner_unit').notNull().default(''),
    ownerPersonId: text('owner_person_id').references(() => people.id),
    visibility: text('visibility').notNull(),
    /** The de-identified words the public reads for a conference's commitment. */
    publicTitle: text('public_title'),
    publicDescription: text('public_description'),
    status: text('status').notNull().default('planned'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    percent: integer('percent').notNull().default(0),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('commitments_status_known', sql`${table.status} in (${sqlList(commitmentStatuses)})`),
    check('commitments_source_known', sql`${table.source} in (${sqlList(commitmentSources)})`),
    check(
      'commitments_visibility_known',
      sql`${table.visibility} in (${sqlList(commitmentVisibilities)})`,
    ),
    check('commitments_percent_range', sql`${table.percent} between 0 and 100`),
    check(
      'commitments_source_linked',
      sql`(${table.source} = 'manual') = (${table.sourceId} is null)`,
    ),
    // A conference is confidential: only its de-identified version, agreed by the parties, is
    // ever public.
    check(
      'commitments_conference_public_deidentified',
      sql`not (${table.source} = 'conference' and ${table.visibility} = 'public'
               and ${table.publicTitle} is null)`,
    ),
    index('commitments_program_due').on(table.programId, table.dueOn),
    index('commitments_owner_person').on(table.ownerPersonId),
    index('commitments_public')
      .on(table.programId, table.updatedAt.desc())
      .where(sql`${table.visibility} = 'public'`),
  ],
);

/** What happened to a commitment, in order: its timeline, and the source of its state. */
export const commitmentEvents = pgTable(
  'commitment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    commitmentId: text('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    by: text('by')
      .notNull()
      .references(() => people.id),
    /** The event's own fields (to, reason, percent, dueOn, text, links), as machine.ts names them. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index('commitment_events_commitment').on(table.commitmentId, table.id)],
);

/** A reminder sent to an owner: one of each kind per due day, however many processes run. */
export const commitmentReminders = pgTable(
  'commitment_reminders',
  {
    commitmentId: text('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'due_soon' | 'overdue'>().notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.commitmentId, table.kind, table.dueOn] }),
    check('commitment_reminders_kind_known', sql`${table.kind} in ('due_soon', 'overdue')`),
  ],
);

/**
 * Someone following a register by email: the register of an organisation or of one program.
 * The address is kept encrypted; its keyed hash finds a repeated subscription without it.
 */
export const commitmentSubscriptions = pgTable(
  'commitment_subscriptions',
  {
    id: text('id').primaryKey(),
    scope: text('scope').$type<'organisation' | 'program'>().notNull(),
    organisationId: text('organisation_id').references(() => organisations.id),
    programId: text('program_id').references(() => programs.id),
    address: text('address').notNull(),
    addressHash: text('address_hash').notNull(),
    language: text('language').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** When the confirmation email last went out: a repeated request resends it at most every 10 minutes. */
    confirmationSentAt: timestamp('confirmation_sent_at', { withTimezone: true })
      .notNull()
      .defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'commitment_subscriptions_scope_shape',
      sql`(${table.scope} = 'organisation' and ${table.organisationId} is not null
           and ${table.programId} is null)
        or (${table.scope} = 'program' and ${table.programId} is not null
           and ${table.organisationId} is null)`,
    ),
    uniqueIndex('commitment_subscriptions_one_per_address').on(
      table.addressHash,
      sql`coalesce(${table.organisationId}, '')`,
      sql`coalesce(${table.programId}, '')`,
    ),
  ],
);
