import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import type { ConsentEvent } from '../../../shared/youth/consent.ts';
import { ageBands } from '../../../shared/youth/contract.ts';
import { people } from '../../platform/auth/schema.ts';
import { sqlList } from '../../platform/db/sql-list.ts';
import { programs } from '../organisations/schema.ts';

// Youth programs (docs/decisions/031-youth-programs.md). About a minor nothing is kept but a
// display name (the person's own row), an age band and a guardian's contact, sealed.

/** What makes a program a youth program: its age range, its lead for concerns, its rules. */
export const youthPrograms = pgTable(
  'youth_programs',
  {
    programId: text('program_id')
      .primaryKey()
      .references(() => programs.id, { onDelete: 'cascade' }),
    minAge: integer('min_age').notNull(),
    maxAge: integer('max_age').notNull(),
    safeguardingLeadId: text('safeguarding_lead_id')
      .notNull()
      .references(() => people.id),
    twoAdultsPresent: boolean('two_adults_present').notNull(),
    openPlacesOnly: boolean('open_places_only').notNull(),
    guardianSeesMentoring: boolean('guardian_sees_mentoring').notNull(),
    retentionDays: integer('retention_days').notNull(),
    consentValidDays: integer('consent_valid_days').notNull(),
    aboutForGuardians: text('about_for_guardians').notNull(),
    /** Goes up when what a guardian agrees to changes: older consents stop counting. */
    consentVersion: integer('consent_version').notNull().default(1),
    updatedBy: text('updated_by')
      .notNull()
      .references(() => people.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('youth_programs_ages', sql`${table.minAge} <= ${table.maxAge}`),
    check('youth_programs_consent_version', sql`${table.consentVersion} >= 1`),
  ],
);

/** A young person of a youth program: their account holds only the display name they chose. */
export const youngPeople = pgTable(
  'young_people',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    ageBand: text('age_band').notNull(),
    /** The guardian's name and address, sealed together; null for a young adult. */
    guardianContact: text('guardian_contact'),
    guardianLanguage: text('guardian_language'),
    /** SHA-256 of the young person's own link; a new link replaces it. */
    linkTokenHash: text('link_token_hash').notNull(),
    addedBy: text('added_by')
      .notNull()
      .references(() => people.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    /** When they left the program: their record is removed once the retention period ends. */
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (table) => [
    check('young_people_age_band_known', sql`${table.ageBand} in (${sqlList(ageBands)})`),
    check(
      'young_people_guardian_language',
      sql`${table.guardianLanguage} is null or ${table.guardianLanguage} in (${sqlList(supportedLanguages)})`,
    ),
    check(
      'young_people_guardian_whole',
      sql`(${table.guardianContact} is null) = (${table.guardianLanguage} is null)`,
    ),
    uniqueIndex('young_people_once_per_program').on(table.programId, table.personId),
    uniqueIndex('young_people_link').on(table.linkTokenHash),
  ],
);

/** A guardian's consent, as the events of shared/youth/consent.ts, in order. */
export const youthConsentEvents = pgTable(
  'youth_consent_events',
  {
    youngPersonId: text('young_person_id')
      .notNull()
      .references(() => youngPeople.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    event: jsonb('event').$type<ConsentEvent>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.youngPersonId, table.seq] })],
);

/**
 * The link a guardian was sent for one consent request. It answers that request once; after a
 * consent it stays the guardian's way to withdraw. A newer request's link replaces it.
 */
export const guardianLinks = pgTable(
  'guardian_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    youngPersonId: text('young_person_id')
      .notNull()
      .references(() => youngPeople.id, { onDelete: 'cascade' }),
    /** The seq of the request event this link was sent for. */
    requestSeq: integer('request_seq').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('guardian_links_young_person').on(table.youngPersonId)],
);

/** An officer mentor and a young person, paired by the coordinator for a while. */
export const mentoringPairs = pgTable(
  'mentoring_pairs',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => people.id),
    youngPersonId: text('young_person_id')
      .notNull()
      .references(() => youngPeople.id, { onDelete: 'cascade' }),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [
    index('mentoring_pairs_program').on(table.programId),
    uniqueIndex('mentoring_pairs_one_open')
      .on(table.mentorId, table.youngPersonId)
      .where(sql`${table.endedAt} is null`),
  ],
);

/** A message in a mentoring pair: every one is read by the coordinators too (channels.ts). */
export const mentoringMessages = pgTable(
  'mentoring_messages',
  {
    id: text('id').primaryKey(),
    pairId: text('pair_id')
      .notNull()
      .references(() => mentoringPairs.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** Sealed: what a young person and their mentor write is confidential. */
    body: text('body').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('mentoring_messages_pair').on(table.pairId, table.sentAt)],
);

/** A meeting of a pair, logged: when, where, and who was present. */
export const mentoringMeetings = pgTable(
  'mentoring_meetings',
  {
    id: text('id').primaryKey(),
    pairId: text('pair_id')
      .notNull()
      .references(() => mentoringPairs.id, { onDelete: 'cascade' }),
    metAt: timestamp('met_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    /** Who was present besides the pair, by name as the logger wrote them. */
    present: jsonb('present').$type<string[]>().notNull(),
    loggedBy: text('logged_by')
      .notNull()
      .references(() => people.id),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('mentoring_meetings_pair').on(table.pairId, table.metAt)],
);

/** A safeguarding concern: it reaches the program's safeguarding lead, and no one else. */
export const youthConcerns = pgTable(
  'youth_concerns',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    /** Who raised it; null once that person's record is removed. */
    raisedBy: text('raised_by').references(() => people.id, { onDelete: 'set null' }),
    /** Sealed: what was seen or heard. */
    body: text('body').notNull(),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('youth_concerns_status_known', sql`${table.status} in ('open', 'closed')`),
    index('youth_concerns_program').on(table.programId, table.raisedAt),
  ],
);

/** What the safeguarding lead did about a concern, in order: the record asked for. */
export const youthConcernActions = pgTable(
  'youth_concern_actions',
  {
    id: text('id').primaryKey(),
    concernId: text('concern_id')
      .notNull()
      .references(() => youthConcerns.id, { onDelete: 'cascade' }),
    by: text('by')
      .notNull()
      .references(() => people.id),
    /** Sealed. */
    note: text('note').notNull(),
    closed: boolean('closed').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('youth_concern_actions_concern').on(table.concernId, table.at)],
);

/** An event of a youth program (a game, a visit, a workshop), with who came. */
export const youthEvents = pgTable(
  'youth_events',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('youth_events_program').on(table.programId, table.startsAt)],
);

/** Who came to an event, as recorded by the program's staff: one row per young person. */
export const youthEventAttendance = pgTable(
  'youth_event_attendance',
  {
    eventId: text('event_id')
      .notNull()
      .references(() => youthEvents.id, { onDelete: 'cascade' }),
    youngPersonId: text('young_person_id')
      .notNull()
      .references(() => youngPeople.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => people.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.youngPersonId] })],
);
