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
