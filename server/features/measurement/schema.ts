import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { phases, processKinds, roleGroups } from '../../../shared/measurement/contract.ts';
import { surveyKinds } from '../../../shared/measurement/item-bank.ts';
import type { CustomQuestion } from '../../../shared/measurement/survey-definition.ts';
import { people } from '../../platform/auth/schema.ts';
import { sqlList } from '../../platform/db/sql-list.ts';
import { organisations, programs } from '../organisations/schema.ts';

// Surveys, the tokens that let people answer them, and the answers. Anonymity is kept by the
// shape of the tables (docs/decisions/028-measurement.md): an invitation knows whom it was sent
// to and whether it was used, never what was answered; a response knows what was answered, the
// day it came in and the role group and neighbourhood, never its invitation or its person. No
// column joins the two, and neither holds a moment finer than a day that could match them up.

export const surveys = pgTable(
  'surveys',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** { en?: string, es?: string } */
    title: jsonb('title').$type<Partial<Record<'en' | 'es', string>>>().notNull(),
    /** Bank item ids, in the order asked. */
    items: text('items').array().notNull(),
    customQuestions: jsonb('custom_questions').$type<CustomQuestion[]>().notNull(),
    languages: text('languages').array().notNull(),
    threshold: smallint('threshold').notNull(),
    neighbourhoods: text('neighbourhoods').array().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    /** Null: open until a coordinator closes it (a standing pulse). */
    closesAt: timestamp('closes_at', { withTimezone: true }),
    /** A pulse's public link, printed on posters: a random slug, not a secret. */
    publicSlug: text('public_slug'),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('surveys_kind_known', sql`${table.kind} in (${sqlList(surveyKinds)})`),
    uniqueIndex('surveys_public_slug').on(table.publicSlug),
    index('surveys_program').on(table.programId),
  ],
);

/**
 * A one-use token to answer a survey: mailed to a person after a circle or a conference (then
 * `personId` says to whom, for "my surveys" and the reminder), or started from a pulse's link
 * (no person). `answered` is all it learns of the answer.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token; a new token for the same invitation replaces it. */
    tokenHash: text('token_hash').notNull(),
    personId: text('person_id').references(() => people.id, { onDelete: 'cascade' }),
    processKind: text('process_kind'),
    processId: text('process_id'),
    phase: text('phase'),
    /** Known from the seat or the party the person had; a pulse asks instead. */
    roleGroup: text('role_group'),
    answered: boolean('answered').notNull().default(false),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    check(
      'survey_invitations_process_known',
      sql`${table.processKind} is null or ${table.processKind} in (${sqlList(processKinds)})`,
    ),
    check(
      'survey_invitations_phase_known',
      sql`${table.phase} is null or ${table.phase} in (${sqlList(phases)})`,
    ),
    check(
      'survey_invitations_role_known',
      sql`${table.roleGroup} is null or ${table.roleGroup} in (${sqlList(roleGroups)})`,
    ),
    uniqueIndex('survey_invitations_token').on(table.tokenHash),
    // One invitation per person and process (and phase): the sending job may run twice. A
    // unique index takes nulls as distinct, so a send with no process or phase would not clash;
    // coalescing makes them equal (NULLS NOT DISTINCT is for constraints, which cannot be partial).
    uniqueIndex('survey_invitations_once')
      .on(
        table.surveyId,
        table.personId,
        sql`coalesce(${table.processId}, '')`,
        sql`coalesce(${table.phase}, '')`,
      )
      .where(sql`${table.personId} is not null`),
    index('survey_invitations_person').on(table.personId),
  ],
);

/** The processes a survey was sent after, so that the sending job sends once. */
export const surveySends = pgTable(
  'survey_sends',
  {
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    processKind: text('process_kind').notNull(),
    processId: text('process_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.surveyId, table.processKind, table.processId] })],
);

/** One person's answers to one survey, with nothing that leads back to them. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    /** Random: the order of ids tells nothing of the order of answers. */
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    programId: text('program_id').notNull(),
    kind: text('kind').notNull(),
    /** The day only: a time would match a response to the invitation used a moment before. */
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    roleGroup: text('role_group'),
    neighbourhood: text('neighbourhood'),
    language: text('language').notNull(),
    processKind: text('process_kind'),
    processId: text('process_id'),
    phase: text('phase'),
    /** The mean of respect, voice, neutrality and motives (shared/measurement/scoring.ts). */
    trustIndex: real('trust_index'),
  },
  (table) => [
    index('survey_responses_dashboard').on(table.programId, table.kind, table.submittedOn),
    index('survey_responses_survey').on(table.surveyId),
  ],
);

/**
 * Each scale or choice answer of a response, with the response's program, kind, day, role group
 * and neighbourhood beside it, so that a dashboard reads one table.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    surveyId: text('survey_id').notNull(),
    programId: text('program_id').notNull(),
    kind: text('kind').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    roleGroup: text('role_group'),
    neighbourhood: text('neighbourhood'),
    phase: text('phase'),
    /** A bank item's construct; null for a program's own question. */
    construct: text('construct'),
    /** The answer as given, 1 to 5; null for a choice. */
    value: smallint('value'),
    /** As scored: a reverse item's answer turned round (6 - value). */
    score: smallint('score'),
    choice: text('choice'),
  },
  (table) => [
    primaryKey({ columns: [table.responseId, table.questionId] }),
    check(
      'survey_answers_value_range',
      sql`${table.value} is null or ${table.value} between 1 and 5`,
    ),
    index('survey_answers_dashboard').on(table.programId, table.kind, table.submittedOn),
    index('survey_answers_survey').on(table.surveyId, table.questionId),
  ],
);

/**
 * Running totals of the responses, kept in the transaction that stores each one (tallies.ts), so
 * that a dashboard adds up a few hundred rows instead of scanning a million answers. One row per
 * program, kind, quarter, role group, neighbourhood and phase, and construct: the row with
 * construct '' counts respondents and their trust index; a construct's row counts the people who
 * answered it, their answers and the favourable ones (4 or 5). '' stands for null in the key,
 * which a primary key cannot hold.
 */
export const surveyTallies = pgTable(
  'survey_tallies',
  {
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** As people write it: 2026-Q3 (shared/measurement/quarters.ts). */
    quarter: text('quarter').notNull(),
    roleGroup: text('role_group').notNull(),
    neighbourhood: text('neighbourhood').notNull(),
    phase: text('phase').notNull(),
    construct: text('construct').notNull(),
    respondents: integer('respondents').notNull(),
    trustN: integer('trust_n').notNull(),
    trustSum: doublePrecision('trust_sum').notNull(),
    trustSumsq: doublePrecision('trust_sumsq').notNull(),
    answers: integer('answers').notNull(),
    favourable: integer('favourable').notNull(),
  },
  (table) => [
    primaryKey({
      name: 'survey_tallies_pk',
      columns: [
        table.programId,
        table.kind,
        table.quarter,
        table.roleGroup,
        table.neighbourhood,
        table.phase,
        table.construct,
      ],
    }),
  ],
);

/**
 * Written answers, sealed with the field cipher, kept apart from their response so that a
 * coordinator reads what was written with nothing beside it.
 */
export const surveyTexts = pgTable(
  'survey_texts',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    body: text('body').notNull(),
  },
  (table) => [index('survey_texts_survey').on(table.surveyId)],
);

/** An organisation's choice to show its aggregate figures on a public page. */
export const measurementSettings = pgTable('measurement_settings', {
  organisationId: text('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  publicPage: boolean('public_page').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
