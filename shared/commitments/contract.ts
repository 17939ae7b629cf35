import { z } from 'zod';
import { organisationRef } from '../organisations/contract.ts';
import { commitmentStatuses } from './machine.ts';

// The accountability register: every promise from a circle, a conference, a dialogue or a
// meeting, with an owner, a due day and a public status. Staff read and change commitments
// through /api; the public reads the register's own pages (/register/...), which show no
// personal data.

export const commitmentSources = ['circle', 'conference', 'dialogue', 'manual'] as const;
export type CommitmentSource = (typeof commitmentSources)[number];

/**
 * public: on the register's public pages, feed and export;
 * program: the people of the program only;
 * case_team: the coordinators of the program and the people named on it (owner, recorder).
 */
export const commitmentVisibilities = ['public', 'program', 'case_team'] as const;
export type CommitmentVisibility = (typeof commitmentVisibilities)[number];

export const TITLE_MAX = 160;
export const DESCRIPTION_MAX = 4_000;
export const SOURCE_LABEL_MAX = 160;
export const OWNER_UNIT_MAX = 120;
export const REASON_MAX = 1_000;
export const EVIDENCE_TEXT_MAX = 2_000;
export const EVIDENCE_LINKS_MAX = 5;
/** A due day further away than this many years is a typing mistake more often than a plan. */
export const LATEST_DUE_YEARS = 5;
/** Owners are reminded this many days before the due day, and again when it has passed. */
export const REMINDER_DAYS_BEFORE = 7;

/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDay = z
  .string({ error: 'Give a date.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD.')
  .refine((value) => {
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  }, 'This date does not exist.');

const title = z
  .string({ error: 'Give the commitment a title.' })
  .trim()
  .min(3, 'Give the commitment a title of at least 3 characters.')
  .max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters.`);
const description = z
  .string()
  .trim()
  .max(DESCRIPTION_MAX, `Keep the description under ${DESCRIPTION_MAX} characters.`);
const reason = z.string().trim().max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`);
const webLink = z
  .url({ protocol: /^https?$/, error: 'Give a web address starting with https://.' })
  .max(2_000, 'This address is too long.');

/** Who answers for a commitment: a person of the program, or a unit of an organisation. */
export const commitmentOwnerChoice = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('person'), personId: z.uuid('Choose the person who owns it.') }),
    z.object({
      kind: z.literal('organisation'),
      organisationId: z.uuid('Choose the organisation that owns it.'),
      /** A part of the organisation, such as "Training Division"; may be empty. */
      unit: z
        .string()
        .trim()
        .max(OWNER_UNIT_MAX, `Keep the unit under ${OWNER_UNIT_MAX} characters.`)
        .default(''),
    }),
  ],
  { error: 'Choose who owns the commitment.' },
);
export type CommitmentOwnerChoice = z.input<typeof commitmentOwnerChoice>;

/**
 * A de-identified version, for a commitment from a conference that the parties agreed to
 * publish: the public sees these words and never the private ones.
 */
export const publicVersion = z.object({
  title,
  description: description.default(''),
  /** Confirms that every party of the conference agreed to publish this version. */
  partiesAgreed: z.literal(true, { error: 'Publish only what every party agreed to publish.' }),
});

/** POST /api/programs/:programId/commitments; other features call the service with the same. */
export const createCommitmentRequest = z.object({
  title,
  description: description.default(''),
  source: z.enum(commitmentSources, { error: 'Say where the commitment came from.' }),
  /** The circle, conference or dialogue it came from; null for one entered by hand. */
  sourceId: z.uuid('must be the id of the circle, conference or dialogue').nullable().default(null),
  /** Where it was made, in words the public may read: "Community meeting, 12 November". */
  sourceLabel: z
    .string()
    .trim()
    .max(SOURCE_LABEL_MAX, `Keep this under ${SOURCE_LABEL_MAX} characters.`)
    .default(''),
  owner: commitmentOwnerChoice,
  dueOn: calendarDay,
  visibility: z.enum(commitmentVisibilities, { error: 'Choose who may see the commitment.' }),
  publicVersion: publicVersion.nullable().default(null),
});
export type CreateCommitmentRequest = z.input<typeof createCommitmentRequest>;
export type CreateCommitmentBody = z.infer<typeof createCommitmentRequest>;

/**
 * POST /api/commitments/:commitmentId/updates: the owner's (or a coordinator's) report, any of
 * a new status (with a reason where the rules ask for one), progress, and evidence.
 */
export const commitmentUpdateRequest = z
  .object({
    status: z.enum(commitmentStatuses, { error: 'Choose a status.' }).optional(),
    reason: reason.optional(),
    percent: z
      .number({ error: 'Give a whole number from 0 to 100.' })
      .int('Give a whole number from 0 to 100.')
      .min(0, 'Give a whole number from 0 to 100.')
      .max(100, 'Give a whole number from 0 to 100.')
      .optional(),
    evidence: z
      .object({
        text: z
          .string()
          .trim()
          .max(EVIDENCE_TEXT_MAX, `Keep the evidence under ${EVIDENCE_TEXT_MAX} characters.`)
          .default(''),
        links: z
          .array(webLink)
          .max(EVIDENCE_LINKS_MAX, `Give at most ${EVIDENCE_LINKS_MAX} links.`)
          .default([]),
      })
      .optional(),
  })
  .refine(
    (update) =>
      update.status !== undefined || update.percent !== undefined || update.evidence !== undefined,
    { message: 'Give a new status, progress or evidence.', path: ['status'] },
  );
export type CommitmentUpdateRequest = z.input<typeof commitmentUpdateRequest>;

/** POST /api/commitments/:commitmentId/due-date */
export const moveDueDateRequest = z.object({
  dueOn: calendarDay,
  reason: reason.min(1, 'Say why the date moves: the people it was promised to will read it.'),
});

/** POST /api/commitments/:commitmentId/verify */
export const verifyCommitmentRequest = z.object({
  note: reason.default(''),
});

export const dueFilters = ['overdue', 'next_30_days', 'later'] as const;

/** Filters of a list of commitments, staff's and the public's alike. */
export const commitmentFilters = z.object({
  status: z.enum(commitmentStatuses).optional(),
  source: z.enum(commitmentSources).optional(),
  /** An organisation id: commitments owned by it or by one of its people. */
  owner: z.uuid('must be an organisation id').optional(),
  due: z.enum(dueFilters).optional(),
});
export type CommitmentFilters = z.infer<typeof commitmentFilters>;

export const commitmentOwner = z.object({
  organisation: organisationRef,
  unit: z.string(),
  /**
   * The person who owns it, shown to staff only (residents and the public see the organisation);
   * a verified officer is always marked as one.
   */
  person: z.object({ id: z.string(), name: z.string(), officer: z.boolean() }).nullable(),
});
export type CommitmentOwner = z.infer<typeof commitmentOwner>;

export const commitmentSummary = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  title: z.string(),
  source: z.enum(commitmentSources),
  sourceLabel: z.string(),
  /** Where to see the source, for a viewer who may; null otherwise or for a manual one. */
  sourceLink: z.string().nullable(),
  owner: commitmentOwner,
  dueOn: z.string(),
  visibility: z.enum(commitmentVisibilities),
  status: z.enum(commitmentStatuses),
  percent: z.number().int(),
  verifiedAt: z.string().nullable(),
  overdue: z.boolean(),
  updatedAt: z.string(),
});
export type CommitmentSummary = z.infer<typeof commitmentSummary>;

/** One entry of a commitment's timeline; who took the step is named to staff only. */
export const commitmentTimelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
  /** Whether whoever took the step is a verified officer; false when they are not named. */
  byOfficer: z.boolean(),
  kind: z.enum([
    'created',
    'status_changed',
    'progress_reported',
    'due_date_moved',
    'completion_verified',
    'evidence_added',
  ]),
  from: z.enum(commitmentStatuses).nullable(),
  to: z.enum(commitmentStatuses).nullable(),
  reason: z.string().nullable(),
  percent: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  evidence: z.object({ text: z.string(), links: z.array(z.string()) }).nullable(),
});
export type CommitmentTimelineEntry = z.infer<typeof commitmentTimelineEntry>;

export const commitmentDetail = commitmentSummary.extend({
  description: z.string(),
  publicVersion: z.object({ title: z.string(), description: z.string() }).nullable(),
  createdAt: z.string(),
  timeline: z.array(commitmentTimelineEntry),
  /** What the person asking may do with it, so pages show only the controls that work. */
  may: z.object({
    report: z.boolean(),
    verify: z.boolean(),
    moveDueDate: z.boolean(),
  }),
  /** The register page where the public reads it; null unless it is public. */
  publicLink: z.string().nullable(),
});
export type CommitmentDetail = z.infer<typeof commitmentDetail>;

export const commitmentList = z.object({
  commitments: z.array(commitmentSummary),
  /** Whether the person may record new commitments in this program. */
  mayCreate: z.boolean(),
  /** Whether the person may download the program's commitments as a spreadsheet. */
  mayExport: z.boolean(),
});
export type CommitmentList = z.infer<typeof commitmentList>;

/** GET /api/programs/:programId/commitment-owners: whom the create form offers as owner. */
export const commitmentOwnerChoices = z.object({
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** A verified officer, to be shown as one. */
      officer: z.boolean(),
      organisation: organisationRef,
    }),
  ),
  organisations: z.array(organisationRef),
});
export type CommitmentOwnerChoices = z.infer<typeof commitmentOwnerChoices>;
