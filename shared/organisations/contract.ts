import { z } from 'zod';
import { roles } from '../permissions/roles.ts';

export const organisationKinds = [
  'police_agency',
  'community_organisation',
  'oversight_board',
  'school',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationName = z
  .string()
  .trim()
  .min(2, 'Give the organisation a name of at least 2 characters.')
  .max(120, 'Keep the name under 120 characters.');

export const programName = z
  .string()
  .trim()
  .min(2, 'Give the program a name of at least 2 characters.')
  .max(120, 'Keep the name under 120 characters.');

const programDescription = z
  .string()
  .trim()
  .max(2_000, 'Keep the description under 2,000 characters.');

/** A partner to run a program with: an organisation already here, or a new one by name. */
export const partnerChoice = z.union(
  [
    z.object({ organisationId: z.uuid('Choose an organisation.') }),
    z.object({
      name: organisationName,
      kind: z.enum(organisationKinds, { error: 'Choose what kind of organisation this is.' }),
    }),
  ],
  { error: 'Choose a partner organisation, or give a new one a name and a kind.' },
);
export type PartnerChoice = z.infer<typeof partnerChoice>;

/** POST /api/organisations/:organisationId/programs */
export const createProgramRequest = z.object({
  name: programName,
  description: programDescription.default(''),
  partners: z.array(partnerChoice).max(10, 'A program can have at most 10 partners.').default([]),
});
export type CreateProgramRequest = z.input<typeof createProgramRequest>;

/** Whether Intl knows the zone: an IANA name such as America/Chicago. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A time zone as Intl spells it ("america/chicago" becomes "America/Chicago"). */
export const timeZoneName = z
  .string({ error: 'Choose a time zone, such as America/Chicago.' })
  .trim()
  .min(1, 'Choose a time zone, such as America/Chicago.')
  .max(64, 'Choose a time zone, such as America/Chicago.')
  .refine(isTimeZone, 'This is not a time zone we know. Choose one such as America/Chicago.')
  .transform(
    (zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone,
  );

export const RETENTION_DAYS_MAX = 3_650;
export const SUPPORT_RESOURCES_MAX = 2_000;

/** PATCH /api/programs/:programId */
export const updateProgramRequest = z
  .object({
    name: programName.optional(),
    description: programDescription.optional(),
    /** Where circles are planned and shown. */
    timeZone: timeZoneName.optional(),
    /** How long a transcript that everyone consented to is kept. */
    transcriptRetentionDays: z
      .number({ error: 'Give the number of days.' })
      .int('Give a whole number of days.')
      .min(1, 'Keep a transcript for at least 1 day.')
      .max(RETENTION_DAYS_MAX, 'Keep a transcript for at most 3,650 days (ten years).')
      .optional(),
    /** Help lines and local services, shown one tap away in a circle. */
    supportResources: z
      .string({ error: 'Write the support resources as text.' })
      .trim()
      .max(SUPPORT_RESOURCES_MAX, 'Keep the support resources under 2,000 characters.')
      .optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    error: 'Change the name, the description or a setting.',
  });
export type UpdateProgramRequest = z.input<typeof updateProgramRequest>;

/** POST /api/programs/:programId/partners */
export const addPartnerRequest = partnerChoice;

export const organisationRef = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
});

export const programSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  leadOrganisation: organisationRef,
  /** Every organisation that runs it, the lead first. */
  organisations: z.array(organisationRef),
  timeZone: z.string(),
  transcriptRetentionDays: z.number(),
  supportResources: z.string(),
  createdAt: z.string(),
});
export type ProgramSummary = z.infer<typeof programSummary>;

/** GET /api/organisations: every organisation here, for an admin choosing a partner. */
export const organisationDirectory = z.object({ organisations: z.array(organisationRef) });

/** GET /api/organisations/:organisationId */
export const organisationResponse = organisationRef.extend({
  programs: z.array(programSummary),
});
export type OrganisationResponse = z.infer<typeof organisationResponse>;

export const membershipSummary = z.object({
  id: z.string(),
  role: z.enum(roles),
  programId: z.string().nullable(),
  programName: z.string().nullable(),
  /** Officers only: null until the agency's admin verifies them; they act as officers after. */
  verifiedAt: z.string().nullable(),
});

export const personSummary = z.object({
  id: z.string(),
  name: z.string(),
  /** Null for a resident who joined by link and gave no address. */
  email: z.string().nullable(),
  disabled: z.boolean(),
  secondFactor: z.boolean(),
  roles: z.array(membershipSummary),
});
export type PersonSummary = z.infer<typeof personSummary>;

/** GET /api/organisations/:organisationId/people */
export const peopleList = z.object({ people: z.array(personSummary) });

/** POST /api/organisations/:organisationId/people/:personId/roles */
export const grantRoleRequest = z.object({
  role: z.enum(roles, { error: 'Choose a role.' }),
  programId: z.uuid('Choose a program.').nullable().default(null),
});
