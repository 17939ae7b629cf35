import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { supportedLanguages } from '../../../shared/about/contract.ts';
import type { VoiceReport } from '../../../shared/circles/contract.ts';
import {
  CAPACITY_MAX,
  CAPACITY_MIN,
  circleStatuses,
  harvestStatuses,
  participantRoles,
  reviewDecisions,
} from '../../../shared/circles/contract.ts';
import { repeats } from '../../../shared/circles/schedule.ts';
import { commitmentVisibilities } from '../../../shared/commitments/contract.ts';
import { people } from '../../platform/auth/schema.ts';
import { sqlList } from '../../platform/db/sql-list.ts';
import { commitments } from '../commitments/schema.ts';
import { organisations, programs } from '../organisations/schema.ts';

/** Circles planned together, weekly or monthly: each circle of it is a row of `circles`. */
export const circleSeries = pgTable(
  'circle_series',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    repeat: text('repeat').notNull(),
    count: integer('count').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('circle_series_repeat_known', sql`${table.repeat} in (${sqlList(repeats)})`),
    check('circle_series_count_range', sql`${table.count} between 1 and 52`),
  ],
);

/**
 * One circle: planned, live, then closed. While it is live its words are the rows of
 * `circle_events`; when it closes they are deleted in the same transaction, and only a
 * transcript that every participant consented to is kept (`circle_transcripts`).
 */
export const circles = pgTable(
  'circles',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    seriesId: text('series_id').references(() => circleSeries.id),
    /** 1 for the first circle of a series (and for a circle alone). */
    seriesPosition: integer('series_position').notNull().default(1),
    purpose: text('purpose').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** The zone the circle was planned in: its invitations and pages show this local time. */
    timeZone: text('time_zone').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(90),
    keeperId: text('keeper_id')
      .notNull()
      .references(() => people.id),
    coKeeperId: text('co_keeper_id').references(() => people.id),
    capacity: integer('capacity').notNull(),
    language: text('language').notNull(),
    status: text('status').notNull().default('scheduled'),
    /** A practice circle of a training course (the training feature sets it). */
    training: boolean('training').notNull().default(false),
    /**
     * An online conference's room (the conferences feature sets it): only the people of its
     * seating plan come in, seated in the script's speaking order; it has no join link and no
     * invitations, and the program's other staff do not see it.
     */
    conference: boolean('conference').notNull().default(false),
    /** SHA-256 of the join link's token, in hex; null when no link was made or it was revoked. */
    joinTokenHash: text('join_token_hash'),
    joinLinkExpiresAt: timestamp('join_link_expires_at', { withTimezone: true }),
    /** The sequence number of the last event appended: the room's counter. */
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Turns and time with the piece by group, kept when the circle closes (no words, no names). */
    voice: jsonb('voice').$type<VoiceReport>(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('circles_status_known', sql`${table.status} in (${sqlList(circleStatuses)})`),
    check(
      'circles_capacity_range',
      sql`${table.capacity} between ${sql.raw(String(CAPACITY_MIN))} and ${sql.raw(String(CAPACITY_MAX))}`,
    ),
    check('circles_language_supported', sql`${table.language} in (${sqlList(supportedLanguages)})`),
    check('circles_duration_range', sql`${table.durationMinutes} between 15 and 480`),
    check('circles_co_keeper_differs', sql`${table.coKeeperId} is distinct from ${table.keeperId}`),
    check(
      'circles_closed_when',
      sql`(${table.status} = 'closed') = (${table.closedAt} is not null)`,
    ),
    uniqueIndex('circles_join_token').on(table.joinTokenHash),
    index('circles_program_starts').on(table.programId, table.startsAt),
    index('circles_series').on(table.seriesId, table.seriesPosition),
  ],
);

/**
 * Someone asked to a circle: a person of the program (by their account) or an address. They get
 * the email with the calendar invitation, and the reminders a day and an hour before.
 */
export const circleInvitees = pgTable(
  'circle_invitees',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    personId: text('person_id').references(() => people.id),
    /** Sealed with the field cipher: an address is personal data. */
    email: text('email'),
    language: text('language').notNull(),
    /** SHA-256 of this invitee's own link token. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => people.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    reminded24hAt: timestamp('reminded_24h_at', { withTimezone: true }),
    reminded1hAt: timestamp('reminded_1h_at', { withTimezone: true }),
  },
  (table) => [
    check(
      'circle_invitees_someone',
      sql`${table.personId} is not null or ${table.email} is not null`,
    ),
    uniqueIndex('circle_invitees_token').on(table.tokenHash),
    uniqueIndex('circle_invitees_person')
      .on(table.circleId, table.personId)
      .where(sql`${table.personId} is not null`),
  ],
);

/**
 * A seat: someone who read the guidelines and agreed to them before joining. Its id is the
 * participant's id inside the room, so the room never hands out account ids.
 */
export const circleParticipants = pgTable(
  'circle_participants',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    language: text('language').notNull(),
    /** The version of the guidelines they agreed to, and when. */
    guidelinesVersion: integer('guidelines_version').notNull(),
    agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Reminders to a seat with no invitation; an invitee's go by their invitation's row. */
    reminded24hAt: timestamp('reminded_24h_at', { withTimezone: true }),
    reminded1hAt: timestamp('reminded_1h_at', { withTimezone: true }),
  },
  (table) => [
    check('circle_participants_role_known', sql`${table.role} in (${sqlList(participantRoles)})`),
    check(
      'circle_participants_language_supported',
      sql`${table.language} in (${sqlList(supportedLanguages)})`,
    ),
    uniqueIndex('circle_participants_person').on(table.circleId, table.personId),
  ],
);

/**
 * A seating plan: who may come into a conference's room and where each sits, so that the piece
 * goes round in the script's speaking order whoever arrives first (place 0 is the keeper's).
 */
export const circleSeating = pgTable(
  'circle_seating',
  {
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    place: integer('place').notNull(),
  },
  (table) => [primaryKey({ columns: [table.circleId, table.personId] })],
);

/** A live circle's log: every event in order, its content sealed with the field cipher. */
export const circleEvents = pgTable(
  'circle_events',
  {
    circleId: text('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** The sealed JSON of the event (shared/circles/machine.ts CircleEvent). */
    body: text('body').notNull(),
  },
  (table) => [primaryKey({ columns: [table.circleId, table.seq] })],
);

/** What is kept of a closed circle whose every participant consented: its visible words. */
export const circleTranscripts = pgTable(
  'circle_transcripts',
  {
    circleId: text('circle_id')
      .primaryKey()
      .references(() => circles.id, { onDelete: 'cascade' }),
    /** Sealed JSON: the messages, each with its speaker's display name, stage and time. */
    body: text('body').notNull(),
    keptAt: timestamp('kept_at', { withTimezone: true }).notNull().defaultNow(),
    /** The program's retention period from the close; the purge job deletes it then. */
    purgeAfter: timestamp('purge_after', { withTimezone: true }).notNull(),
  },
  (table) => [index('circle_transcripts_purge_after').on(table.purgeAfter)],
);

/** The keeper's summary of a closed circle, which participants review before it is final. */
export const circleHarvests = pgTable(
  'circle_harvests',
  {
    circleId: text('circle_id')
      .primaryKey()
      .references(() => circles.id, { onDelete: 'cascade' }),
    /** Sealed: the themes in the keeper's words. */
    themes: text('themes').notNull(),
    status: text('status').notNull().default('draft'),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    writtenBy: text('written_by')
      .notNull()
      .references(() => people.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('circle_harvests_status_known', sql`${table.status} in (${sqlList(harvestStatuses)})`),
  ],
);

/** A commitment drafted in a harvest; it goes to the register when the harvest is final. */
export const circleHarvestCommitments = pgTable(
  'circle_harvest_commitments',
  {
    id: text('id').primaryKey(),
    circleId: text('circle_id')
      .notNull()
      .references(() => circleHarvests.circleId, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerPersonId: text('owner_person_id').references(() => people.id),
    ownerOrganisationId: text('owner_organisation_id').references(() => organisations.id),
    ownerUnit: text('owner_unit').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Who may see it on the register (shared/commitments/contract.ts). */
    visibility: text('visibility').notNull().default('program'),
    /** Set once it is on the register. */
    commitmentId: text('commitment_id').references(() => commitments.id),
  },
  (table) => [
    check(
      'circle_harvest_commitments_owner',
      sql`${table.ownerPersonId} is not null or ${table.ownerOrganisationId} is not null`,
    ),
    check(
      'circle_harvest_commitments_visibility_known',
      sql`${table.visibility} in (${sqlList(commitmentVisibilities)})`,
    ),
    index('circle_harvest_commitments_circle').on(table.circleId, table.position),
  ],
);

/** A participant's answer to a shared harvest: approve, or a comment for the keeper. */
export const circleHarvestReviews = pgTable(
  'circle_harvest_reviews',
  {
    circleId: text('circle_id')
      .notNull()
      .references(() => circleHarvests.circleId, { onDelete: 'cascade' }),
    participantId: text('participant_id')
      .notNull()
      .references(() => circleParticipants.id, { onDelete: 'cascade' }),
    decision: text('decision').notNull(),
    /** Sealed; empty for a plain approval. */
    comment: text('comment').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.circleId, table.participantId] }),
    check(
      'circle_harvest_reviews_decision_known',
      sql`${table.decision} in (${sqlList(reviewDecisions)})`,
    ),
  ],
);
