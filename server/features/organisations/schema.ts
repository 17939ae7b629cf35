import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organisationKinds } from '../../../shared/organisations/contract.ts';
import { roles } from '../../../shared/permissions/roles.ts';
import { people } from '../../platform/auth/schema.ts';
import { sqlList } from '../../platform/db/sql-list.ts';

/** A police agency, a community organisation, an oversight board or a school. */
export const organisations = pgTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('organisations_kind_known', sql`${table.kind} in (${sqlList(organisationKinds)})`),
  ],
);

/** A program is run by one lead organisation, often with partners (an agency and a community group). */
export const programs = pgTable('programs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** Where the program meets: circles are planned and shown in this zone (IANA name). */
  timeZone: text('time_zone').notNull().default('UTC'),
  /** How long a transcript that everyone consented to is kept, in days, before it is purged. */
  transcriptRetentionDays: integer('transcript_retention_days').notNull().default(30),
  /** Where participants find help (phone lines, local services), shown one tap away in a circle. */
  supportResources: text('support_resources').notNull().default(''),
  leadOrganisationId: text('lead_organisation_id')
    .notNull()
    .references(() => organisations.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const programOrganisations = pgTable(
  'program_organisations',
  {
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.programId, table.organisationId] })],
);

/** A role one person holds in an organisation, or in one program of it. */
export const memberships = pgTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    programId: text('program_id').references(() => programs.id),
    role: text('role').notNull(),
    /** Officers are verified by their agency's admin before they are shown as officers. */
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: text('verified_by').references(() => people.id),
    grantedBy: text('granted_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    check('memberships_role_known', sql`${table.role} in (${sqlList(roles)})`),
    index('memberships_person').on(table.personId),
    uniqueIndex('memberships_one_active')
      .on(table.personId, table.organisationId, sql`coalesce(${table.programId}, '')`, table.role)
      .where(sql`${table.revokedAt} is null`),
  ],
);
