import { sql } from 'drizzle-orm';
import {
  bigserial,
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
import { caseStages, outcomes, partyRoles } from '../../../shared/conferences/machine.ts';
import {
  type harmRuleShape,
  itemKinds,
  recordKinds,
  referrerKinds,
  scriptOrders,
  teamRoles,
  urgencies,
} from '../../../shared/conferences/names.ts';
import { people } from '../../platform/auth/schema.ts';
import { sqlList } from '../../platform/db/sql-list.ts';
import { circles } from '../circles/schema.ts';
import { commitments } from '../commitments/schema.ts';
import { organisations, programs } from '../organisations/schema.ts';

// Conferences hold the most confidential words in the product: what a harmed person and the
// person responsible said, and what facilitators noted. Every such text is sealed with the field
// cipher (a `_sealed` column, its context naming the table and row), and every read of it is
// audited. What stays plain is what the workflow, the board and the firewall filter on.

/** How a program runs conferences: its eligibility rules, script order and referral link. */
export const conferenceSettings = pgTable(
  'conference_settings',
  {
    programId: text('program_id')
      .primaryKey()
      .references(() => programs.id, { onDelete: 'cascade' }),
    /** Cases about an officer's conduct: the firewall and oversight sign-offs apply. */
    misconduct: boolean('misconduct').notNull().default(false),
    /** The police agency whose officers' conduct a misconduct program hears. */
    agencyOrganisationId: text('agency_organisation_id').references(() => organisations.id),
    /** The harm categories screening checks a referral against, each eligible or not. */
    rules: jsonb('rules').$type<(typeof harmRuleShape)['_output'][]>().notNull().default([]),
    scriptOrder: text('script_order').notNull().default('harmed_first'),
    /** The keyed hash of the program's public referral link; null when it has none. */
    referralTokenHash: text('referral_token_hash'),
    updatedBy: text('updated_by').references(() => people.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'conference_settings_order_known',
      sql`${table.scriptOrder} in (${sqlList(scriptOrders)})`,
    ),
    check(
      'conference_settings_misconduct_agency',
      sql`not ${table.misconduct} or ${table.agencyOrganisationId} is not null`,
    ),
    uniqueIndex('conference_settings_referral_token').on(table.referralTokenHash),
  ],
);

/**
 * One case. Its stage, pause and outcome are the fold of its events
 * (shared/conferences/machine.ts), kept here so that the board filters in SQL; they change only
 * in the transaction that appends the event.
 */
export const conferences = pgTable(
  'conferences',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    /** What people say on the phone: "RC-4K7Q". Never derived from names. */
    reference: text('reference').notNull(),
    misconduct: boolean('misconduct').notNull(),
    /** Copied from the program's settings when referred: the agency the firewall keeps out. */
    agencyOrganisationId: text('agency_organisation_id').references(() => organisations.id),
    stage: text('stage').notNull().default('referral'),
    paused: boolean('paused').notNull().default(false),
    outcome: text('outcome'),
    /** The id of a harm rule of the program, or 'other'. */
    harmType: text('harm_type').notNull(),
    urgency: text('urgency').notNull(),
    incidentOn: date('incident_on', { mode: 'string' }),
    referrerKind: text('referrer_kind').notNull(),
    /** The referring organisation's name as given: the only referrer detail kept plain. */
    referrerOrganisation: text('referrer_organisation').notNull().default(''),
    /** JSON of the referral's words (summary, people involved, referrer's name and contact). */
    referralSealed: text('referral_sealed').notNull(),
    /** The keyed hash of the referrer's status link, which shows the outcome and nothing else. */
    trackingTokenHash: text('tracking_token_hash').notNull(),
    language: text('language').notNull().default('en'),
    /** The conference itself, once scheduled. */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    mode: text('mode'),
    place: text('place'),
    /** An online conference's room: a circle in conference mode (circles/schema.ts). */
    circleId: text('circle_id').references(() => circles.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    check('conferences_stage_known', sql`${table.stage} in (${sqlList(caseStages)})`),
    check(
      'conferences_outcome_known',
      sql`${table.outcome} is null or ${table.outcome} in (${sqlList(outcomes)})`,
    ),
    check(
      'conferences_closed_has_outcome',
      sql`(${table.stage} = 'closed') = (${table.outcome} is not null)`,
    ),
    check('conferences_urgency_known', sql`${table.urgency} in (${sqlList(urgencies)})`),
    check('conferences_referrer_known', sql`${table.referrerKind} in (${sqlList(referrerKinds)})`),
    check('conferences_language_known', sql`${table.language} in (${sqlList(supportedLanguages)})`),
    check(
      'conferences_mode_known',
      sql`${table.mode} is null or ${table.mode} in ('in_person', 'online')`,
    ),
    check(
      'conferences_misconduct_agency',
      sql`not ${table.misconduct} or ${table.agencyOrganisationId} is not null`,
    ),
    uniqueIndex('conferences_reference').on(table.reference),
    uniqueIndex('conferences_tracking_token').on(table.trackingTokenHash),
    index('conferences_program_stage').on(table.programId, table.stage),
  ],
);

/**
 * What happened to a case, in order: its timeline and the source of its state. Free words (a
 * reason, a comment) are sealed apart from the event's plain fields.
 */
export const conferenceEvents = pgTable(
  'conference_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for the referral itself, made by someone without an account. */
    by: text('by').references(() => people.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    wordsSealed: text('words_sealed'),
  },
  (table) => [index('conference_events_case').on(table.conferenceId, table.id)],
);

/** The people assigned to a case: only they (and the program's coordinators) see it. */
export const conferenceTeam = pgTable(
  'conference_team',
  {
    id: text('id').primaryKey(),
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    assignedBy: text('assigned_by')
      .notNull()
      .references(() => people.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (table) => [
    check('conference_team_role_known', sql`${table.role} in (${sqlList(teamRoles)})`),
    uniqueIndex('conference_team_one_active')
      .on(table.conferenceId, table.personId)
      .where(sql`${table.removedAt} is null`),
    index('conference_team_person').on(table.personId),
  ],
);

/**
 * A party to a case. Their name and address are sealed; `personId` is set once they have an
 * account or came in by their link, which is how they see their own part of the case.
 */
export const conferenceParties = pgTable(
  'conference_parties',
  {
    id: text('id').primaryKey(),
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    nameSealed: text('name_sealed').notNull(),
    emailSealed: text('email_sealed'),
    language: text('language').notNull().default('en'),
    personId: text('person_id').references(() => people.id),
    /** Whom a supporter supports. */
    supportsPartyId: text('supports_party_id'),
    /** The keyed hash of the party's own link; null once spent or never made. */
    linkTokenHash: text('link_token_hash'),
    addedBy: text('added_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (table) => [
    check('conference_parties_role_known', sql`${table.role} in (${sqlList(partyRoles)})`),
    check(
      'conference_parties_language_known',
      sql`${table.language} in (${sqlList(supportedLanguages)})`,
    ),
    uniqueIndex('conference_parties_link').on(table.linkTokenHash),
    index('conference_parties_case').on(table.conferenceId),
    index('conference_parties_person').on(table.personId),
  ],
);

/** Informed consent, as given: which text was shown, the typed name, when; and its withdrawal. */
export const conferenceConsents = pgTable(
  'conference_consents',
  {
    id: text('id').primaryKey(),
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    partyId: text('party_id')
      .notNull()
      .references(() => conferenceParties.id, { onDelete: 'cascade' }),
    /** The version of the consent text shown (shared/conferences/consent.ts), e.g. "2026-11". */
    version: text('version').notNull(),
    language: text('language').notNull(),
    signatureSealed: text('signature_sealed').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
    /** A facilitator who recorded consent given on paper; null when the party signed here. */
    recordedBy: text('recorded_by').references(() => people.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawalSealed: text('withdrawal_sealed'),
  },
  (table) => [
    uniqueIndex('conference_consents_one_current')
      .on(table.partyId)
      .where(sql`${table.withdrawnAt} is null`),
  ],
);

/**
 * The confidential writings of a case: preparation meetings, statements, facilitators' notes,
 * check-ins. The firewall keeps every row of this table from an agency's disciplinary roles.
 */
export const conferenceRecords = pgTable(
  'conference_records',
  {
    id: text('id').primaryKey(),
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The party it is about (a preparation meeting, a statement); null for a case note. */
    partyId: text('party_id').references(() => conferenceParties.id),
    /** The agreement item a check-in is about. */
    itemId: text('item_id'),
    /** The day a preparation meeting or check-in took place. */
    heldOn: date('held_on', { mode: 'string' }),
    bodySealed: text('body_sealed').notNull(),
    writtenBy: text('written_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('conference_records_kind_known', sql`${table.kind} in (${sqlList(recordKinds)})`),
    index('conference_records_case').on(table.conferenceId, table.createdAt),
  ],
);

/** One item of an agreement: what, who answers for it, by when, and how it is verified. */
export const conferenceItems = pgTable(
  'conference_items',
  {
    id: text('id').primaryKey(),
    conferenceId: text('conference_id')
      .notNull()
      .references(() => conferences.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    descriptionSealed: text('description_sealed').notNull(),
    /** A party answers for it, or an organisation does (the agency owes a policy review). */
    responsiblePartyId: text('responsible_party_id').references(() => conferenceParties.id),
    responsibleOrganisationId: text('responsible_organisation_id').references(
      () => organisations.id,
    ),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    verificationSealed: text('verification_sealed').notNull(),
    verifierPersonId: text('verifier_person_id').references(() => people.id),
    status: text('status').notNull().default('open'),
    /** Restitution: the whole amount, in the smallest unit of its currency. */
    amountCents: integer('amount_cents'),
    currency: text('currency'),
    /** A meeting item: when it takes place, for the calendar invitation. */
    meetingAt: timestamp('meeting_at', { withTimezone: true }),
    /** Set once published de-identified to the accountability register. */
    commitmentId: text('commitment_id').references(() => commitments.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (table) => [
    check('conference_items_kind_known', sql`${table.kind} in (${sqlList(itemKinds)})`),
    check('conference_items_status_known', sql`${table.status} in ('open', 'done', 'not_done')`),
    check(
      'conference_items_one_responsible',
      sql`(${table.responsiblePartyId} is null) <> (${table.responsibleOrganisationId} is null)`,
    ),
    check(
      'conference_items_restitution_amount',
      sql`(${table.kind} = 'restitution') = (${table.amountCents} is not null)`,
    ),
    check(
      'conference_items_amount_positive',
      sql`${table.amountCents} is null or ${table.amountCents} > 0`,
    ),
    index('conference_items_case').on(table.conferenceId),
    index('conference_items_due').on(table.status, table.dueOn),
  ],
);

/** A restitution's payment schedule: the amounts due on each day. */
export const conferenceInstalments = pgTable(
  'conference_instalments',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => conferenceItems.id, { onDelete: 'cascade' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amountCents: integer('amount_cents').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.itemId, table.dueOn] }),
    check('conference_instalments_positive', sql`${table.amountCents} > 0`),
  ],
);

/** A restitution payment as recorded by the case team. */
export const conferencePayments = pgTable(
  'conference_payments',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => conferenceItems.id, { onDelete: 'cascade' }),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('conference_payments_positive', sql`${table.amountCents} > 0`),
    index('conference_payments_item').on(table.itemId),
  ],
);

/** A party's consent to publish one item de-identified: it goes public only with everyone's. */
export const conferencePublicationConsents = pgTable(
  'conference_publication_consents',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => conferenceItems.id, { onDelete: 'cascade' }),
    partyId: text('party_id')
      .notNull()
      .references(() => conferenceParties.id, { onDelete: 'cascade' }),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.itemId, table.partyId] })],
);

/** A reminder about an item: one of each kind per due day, however many processes run. */
export const conferenceReminders = pgTable(
  'conference_reminders',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => conferenceItems.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'due_soon' | 'overdue'>().notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.itemId, table.kind, table.dueOn] }),
    check('conference_reminders_kind_known', sql`${table.kind} in ('due_soon', 'overdue')`),
  ],
);
