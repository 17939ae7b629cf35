import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { participantRoles } from '../../../shared/dialogues/analysis.ts';
import {
  dialogueAudiences,
  moderationModes,
  statementStatuses,
} from '../../../shared/dialogues/contract.ts';
import { people } from '../../platform/auth/schema.ts';
import { sqlList } from '../../platform/db/sql-list.ts';
import { programs } from '../organisations/schema.ts';

// A guided dialogue: statements that participants vote on, and who took part under what role.
// Statements are meant to be read by everyone taking part, so their words are kept plain; what
// identifies a participant is the name they chose and, if they gave one, their neighbourhood.
// Votes are one row per participant and statement: changing a vote overwrites it.

export const dialogues = pgTable(
  'dialogues',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    audience: text('audience').notNull(),
    moderation: text('moderation').notNull(),
    languages: text('languages').array().notNull(),
    groupThreshold: integer('group_threshold').notNull().default(5),
    /** The SHA-256 of the public link's token; null when there is none. */
    joinTokenHash: text('join_token_hash'),
    resultsPublic: boolean('results_public').notNull().default(false),
    synthesis: text('synthesis').notNull().default(''),
    /** An imported Pol.is conversation: archived, read-only, with its attribution. */
    importedFrom: text('imported_from'),
    createdBy: text('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('dialogues_audience_known', sql`${table.audience} in (${sqlList(dialogueAudiences)})`),
    check('dialogues_moderation_known', sql`${table.moderation} in (${sqlList(moderationModes)})`),
    check('dialogues_closes_after_opening', sql`${table.closesAt} > ${table.opensAt}`),
    uniqueIndex('dialogues_join_token').on(table.joinTokenHash),
    index('dialogues_program').on(table.programId),
  ],
);

export const dialogueParticipants = pgTable(
  'dialogue_participants',
  {
    id: text('id').primaryKey(),
    dialogueId: text('dialogue_id')
      .notNull()
      .references(() => dialogues.id, { onDelete: 'cascade' }),
    /** Null only for the participants of an imported conversation. */
    personId: text('person_id').references(() => people.id),
    role: text('role').notNull(),
    displayName: text('display_name').notNull(),
    neighbourhood: text('neighbourhood').notNull().default(''),
    language: text('language').notNull(),
    /** Pol.is's participant id, for an imported conversation. */
    importedId: text('imported_id'),
    blockedAt: timestamp('blocked_at', { withTimezone: true }),
    blockedReason: text('blocked_reason'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('dialogue_participants_role_known', sql`${table.role} in (${sqlList(participantRoles)})`),
    uniqueIndex('dialogue_participants_person').on(table.dialogueId, table.personId),
  ],
);

export const dialogueStatements = pgTable(
  'dialogue_statements',
  {
    id: text('id').primaryKey(),
    dialogueId: text('dialogue_id')
      .notNull()
      .references(() => dialogues.id, { onDelete: 'cascade' }),
    /** Its number in the dialogue, from 1 (Pol.is's comment id, for an imported one). */
    number: integer('number').notNull(),
    /** Null for the facilitator's opening statements. */
    authorParticipantId: text('author_participant_id').references(() => dialogueParticipants.id),
    /** Empty while the words are sealed (held for crisis wording, see sealedText). */
    text: text('text').notNull(),
    /**
     * The words of a statement held for crisis wording, sealed with the field cipher: they may
     * tell of someone in danger, and only its author and the facilitators read them. Publishing
     * it opens them into `text`.
     */
    sealedText: text('sealed_text'),
    /** The words compared for duplicates (shared/dialogues/statements.ts). */
    normalised: text('normalised').notNull(),
    language: text('language').notNull(),
    status: text('status').notNull(),
    crisis: boolean('crisis').notNull().default(false),
    reason: text('reason'),
    moderatedBy: text('moderated_by').references(() => people.id),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'dialogue_statements_status_known',
      sql`${table.status} in (${sqlList(statementStatuses)})`,
    ),
    check(
      'dialogue_statements_words',
      sql`(${table.sealedText} is null and char_length(${table.text}) between 1 and 280)
        or (${table.sealedText} is not null and ${table.text} = '' and ${table.status} <> 'accepted')`,
    ),
    uniqueIndex('dialogue_statements_number').on(table.dialogueId, table.number),
    // A rejected statement does not block the same words said better later.
    uniqueIndex('dialogue_statements_unique_words')
      .on(table.dialogueId, table.normalised)
      .where(sql`${table.status} <> 'rejected'`),
  ],
);

/** An officer's response to a statement, shown with it as an officer's. One per officer. */
export const dialogueResponses = pgTable(
  'dialogue_responses',
  {
    statementId: text('statement_id')
      .notNull()
      .references(() => dialogueStatements.id, { onDelete: 'cascade' }),
    participantId: text('participant_id')
      .notNull()
      .references(() => dialogueParticipants.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.statementId, table.participantId] })],
);

export const dialogueVotes = pgTable(
  'dialogue_votes',
  {
    dialogueId: text('dialogue_id')
      .notNull()
      .references(() => dialogues.id, { onDelete: 'cascade' }),
    statementId: text('statement_id')
      .notNull()
      .references(() => dialogueStatements.id, { onDelete: 'cascade' }),
    participantId: text('participant_id')
      .notNull()
      .references(() => dialogueParticipants.id, { onDelete: 'cascade' }),
    /** 1 agree, -1 disagree, 0 pass (shared/dialogues/matrix.ts). */
    vote: smallint('vote').notNull(),
    votedAt: timestamp('voted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.statementId, table.participantId] }),
    check('dialogue_votes_known', sql`${table.vote} in (-1, 0, 1)`),
    index('dialogue_votes_dialogue').on(table.dialogueId),
    index('dialogue_votes_participant').on(table.participantId),
  ],
);

/** A participant's report of a statement: one each, for the moderation queue. */
export const dialogueReports = pgTable(
  'dialogue_reports',
  {
    statementId: text('statement_id')
      .notNull()
      .references(() => dialogueStatements.id, { onDelete: 'cascade' }),
    participantId: text('participant_id')
      .notNull()
      .references(() => dialogueParticipants.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    /** Set when a facilitator dealt with the statement after this report. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.statementId, table.participantId] })],
);
