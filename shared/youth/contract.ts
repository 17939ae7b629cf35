import { z } from 'zod';
import { supportedLanguages } from '../about/contract.ts';
import { displayName } from '../invitations/contract.ts';
import type { ConsentStatus } from './consent.ts';

// A youth program: a program of the organisation with a young people's settings. Nothing but a
// display name, an age band and a guardian's contact is kept about a minor; everything a minor
// takes part in asks for a guardian's consent that is current.

/** Ages are kept as bands, never as a birth date or an exact age. */
export const ageBands = ['10-11', '12-13', '14-15', '16-17', '18-20', '21-24'] as const;
export type AgeBand = (typeof ageBands)[number];

const bandLimits: Record<AgeBand, [number, number]> = {
  '10-11': [10, 11],
  '12-13': [12, 13],
  '14-15': [14, 15],
  '16-17': [16, 17],
  '18-20': [18, 20],
  '21-24': [21, 24],
};

/** A young person under 18 needs a guardian's consent to take part. */
export const isMinorBand = (band: AgeBand): boolean => bandLimits[band][1] < 18;

/** The bands that fall within a program's age range, for the form that adds a young person. */
export const bandsWithin = (minAge: number, maxAge: number): AgeBand[] =>
  ageBands.filter((band) => bandLimits[band][0] <= maxAge && bandLimits[band][1] >= minAge);

export const YOUTH_MIN_AGE = 10;
export const YOUTH_MAX_AGE = 24;

const age = (which: string) =>
  z
    .number({ error: `Give the ${which} age as a number.` })
    .int('Give a whole number of years.')
    .min(YOUTH_MIN_AGE, `Youth programs are for ages ${YOUTH_MIN_AGE} to ${YOUTH_MAX_AGE}.`)
    .max(YOUTH_MAX_AGE, `Youth programs are for ages ${YOUTH_MIN_AGE} to ${YOUTH_MAX_AGE}.`);

/** PUT /api/programs/:programId/youth: what makes a program a youth program. */
export const youthSettingsRequest = z
  .object({
    minAge: age('youngest'),
    maxAge: age('oldest'),
    /** A staff member of the program to whom every safeguarding concern goes, and only to them. */
    safeguardingLeadId: z.uuid('Choose the safeguarding lead.'),
    /** Meeting rule: at least two adults of the program at every meeting with young people. */
    twoAdultsPresent: z.boolean(),
    /** Meeting rule: meetings only in public places or the program's own rooms. */
    openPlacesOnly: z.boolean(),
    /** Guardians may read the messages of their young person's mentoring pair. */
    guardianSeesMentoring: z.boolean(),
    /** Days a young person's record is kept after they leave the program, then removed. */
    retentionDays: z
      .number({ error: 'Give the number of days.' })
      .int('Give a whole number of days.')
      .min(30, 'Keep records at least 30 days, so that a concern can still be followed up.')
      .max(1095, 'Keep records at most 3 years (1,095 days).'),
    /** Days a guardian's consent lasts once given; after that a new consent is asked for. */
    consentValidDays: z
      .number({ error: 'Give the number of days.' })
      .int('Give a whole number of days.')
      .min(30, 'A consent lasts at least 30 days.')
      .max(730, 'A consent lasts at most 2 years (730 days).'),
    /** What the program does, in plain words for a guardian deciding. */
    aboutForGuardians: z
      .string()
      .trim()
      .min(20, 'Tell guardians in a sentence or two what their young person will do.')
      .max(2000, 'Keep this under 2,000 characters.'),
  })
  .superRefine((settings, context) => {
    if (settings.maxAge < settings.minAge) {
      context.addIssue({
        code: 'custom',
        path: ['maxAge'],
        message: 'The oldest age cannot be below the youngest.',
      });
    }
  });
export type YouthSettingsRequest = z.input<typeof youthSettingsRequest>;
export type YouthSettingsBody = z.infer<typeof youthSettingsRequest>;

export const youthSettings = z.object({
  programId: z.string(),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  safeguardingLead: z.object({ id: z.string(), name: z.string() }),
  twoAdultsPresent: z.boolean(),
  openPlacesOnly: z.boolean(),
  guardianSeesMentoring: z.boolean(),
  retentionDays: z.number().int(),
  consentValidDays: z.number().int(),
  aboutForGuardians: z.string(),
  /**
   * The version of what a guardian agrees to: it goes up when the words, the retention or who
   * reads mentoring messages change, and older consents stop counting.
   */
  consentVersion: z.number().int(),
});
export type YouthSettingsView = z.infer<typeof youthSettings>;

/** GET /api/programs/:programId/youth: null while the program is not a youth program. */
export const youthSettingsResponse = z.object({ settings: youthSettings.nullable() });

const guardian = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the guardian's name, as they would like to be addressed.")
    .max(80, 'Keep the name under 80 characters.'),
  email: z.email('Give an email address such as name@example.org.').max(254),
  /** The language of the consent request and of the page it links to. */
  language: z.enum(supportedLanguages).default('en'),
});

/** POST /api/programs/:programId/youth/members: a young person joins the program. */
export const addYoungPersonRequest = z.object({
  displayName,
  ageBand: z.enum(ageBands, { error: 'Choose an age band.' }),
  /** Required for an age band under 18; not kept for an adult. */
  guardian: guardian.nullable().default(null),
});
export type AddYoungPersonRequest = z.input<typeof addYoungPersonRequest>;

export const consentStatuses = [
  'none',
  'requested',
  'given',
  'declined',
  'withdrawn',
] as const satisfies readonly ConsentStatus[];

export const consentView = z.object({
  status: z.enum(consentStatuses),
  /** Given, for the current text, and not expired: the young person may take part. */
  current: z.boolean(),
  /** Given but no longer counting: past its expiry, or for an earlier text. */
  lapsed: z.boolean(),
  expiresAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type ConsentView = z.infer<typeof consentView>;

export const youngPerson = z.object({
  id: z.string(),
  personId: z.string(),
  displayName: z.string(),
  ageBand: z.enum(ageBands),
  minor: z.boolean(),
  /** Null for a young adult, who needs no guardian. */
  guardianName: z.string().nullable(),
  consent: consentView.nullable(),
  /** The young person may take part in activities now. */
  mayTakePart: z.boolean(),
  addedAt: z.string(),
  /** When they left the program; their record is removed once the retention period ends. */
  leftAt: z.string().nullable(),
});
export type YoungPerson = z.infer<typeof youngPerson>;

export const youngPeopleList = z.object({ youngPeople: z.array(youngPerson) });

/** The young person's own link: shown once, to hand to them (or print). */
export const addYoungPersonResponse = z.object({
  youngPerson,
  youthLink: z.string(),
});

/** POST /api/young-people/:id/link: a new link, which ends the old one. */
export const youthLinkResponse = z.object({ youthLink: z.string() });

const linkToken = z
  .string({ error: 'The link is missing its code.' })
  .regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not complete: open it again from the email.');

/** GET /api/consent?token=: what a guardian is asked, in plain words. */
export const consentPreviewQuery = z.object({ token: linkToken });
export const consentPreview = z.object({
  programName: z.string(),
  organisationName: z.string(),
  youngPersonName: z.string(),
  ageBand: z.enum(ageBands),
  guardianName: z.string(),
  aboutForGuardians: z.string(),
  safeguardingLeadName: z.string(),
  twoAdultsPresent: z.boolean(),
  openPlacesOnly: z.boolean(),
  guardianSeesMentoring: z.boolean(),
  retentionDays: z.number().int(),
  consentValidDays: z.number().int(),
  consentVersion: z.number().int(),
  language: z.enum(supportedLanguages),
  consent: consentView,
});
export type ConsentPreview = z.infer<typeof consentPreview>;

/** POST /api/consent: the guardian's answer, once per request. */
export const consentAnswerRequest = z.object({
  token: linkToken,
  answer: z.enum(['give', 'decline', 'withdraw'], { error: 'Choose an answer.' }),
});
export const consentAnswerResponse = z.object({ consent: consentView });

/** POST /api/youth/join: the young person's link signs them in. */
export const youthJoinRequest = z.object({ token: linkToken });
export const youthJoinResponse = z.object({ programId: z.string() });

/** GET /api/me/youth: the young person's programs and whether they may take part. */
export const myYouthPrograms = z.object({
  programs: z.array(
    z.object({
      programId: z.string(),
      programName: z.string(),
      displayName: z.string(),
      minor: z.boolean(),
      mayTakePart: z.boolean(),
      consent: consentView.nullable(),
      supportResources: z.string(),
      safeguardingLeadName: z.string(),
    }),
  ),
});
export type MyYouthPrograms = z.infer<typeof myYouthPrograms>;
