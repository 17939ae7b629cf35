import { z } from 'zod';
import { supportedLanguages } from '../about/contract.ts';
import { roles } from '../permissions/roles.ts';
import { MIN_PASSWORD_LENGTH } from '../setup/contract.ts';

// Invitations bring people in. Staff are invited by email (they choose a password and set up a
// second factor); residents may also be invited by a shareable link, capped in how many may use
// it, and join with a display name and a language only.

export const INVITATION_DEFAULT_DAYS = 14;
export const INVITATION_MAX_DAYS = 90;
export const LINK_MAX_USES = 500;

/** Roles a shareable link may carry: never a staff role, whose holder must be known by email. */
export const linkRoles = ['resident'] as const;

export const displayName = z
  .string()
  .trim()
  .min(1, 'Choose a name for others to see; it does not have to be your real name.')
  .max(60, 'Keep the name under 60 characters.');

const expiresInDays = z
  .number({ error: 'Give the number of days the invitation stays open.' })
  .int('Give a whole number of days.')
  .min(1, 'An invitation stays open at least 1 day.')
  .max(INVITATION_MAX_DAYS, `An invitation stays open at most ${INVITATION_MAX_DAYS} days.`)
  .default(INVITATION_DEFAULT_DAYS);

/** POST /api/organisations/:organisationId/invitations */
export const createInvitationRequest = z.discriminatedUnion(
  'delivery',
  [
    z.object({
      delivery: z.literal('email'),
      email: z.email('Give an email address such as name@example.org.').max(254),
      role: z.enum(roles, { error: 'Choose a role.' }),
      programId: z.uuid('Choose a program.').nullable().default(null),
      /** The language of the email; the person may change it when they join. */
      language: z.enum(supportedLanguages).default('en'),
      expiresInDays,
    }),
    z.object({
      delivery: z.literal('link'),
      role: z.enum(linkRoles, { error: 'A shareable link can only invite residents.' }),
      programId: z.uuid('Choose a program.'),
      maxUses: z
        .number({ error: 'Give how many people may use the link.' })
        .int('Give a whole number.')
        .min(1, 'At least 1 person must be able to use the link.')
        .max(LINK_MAX_USES, `A link can be used by at most ${LINK_MAX_USES} people.`),
      /** The language the join page opens in; each person may choose another. */
      language: z.enum(supportedLanguages).default('en'),
      expiresInDays,
    }),
  ],
  { error: 'Choose whether to send the invitation by email or as a link.' },
);
export type CreateInvitationRequest = z.input<typeof createInvitationRequest>;
export type CreateInvitationBody = z.infer<typeof createInvitationRequest>;

export const invitationState = z.enum(['open', 'used', 'expired', 'revoked']);
export type InvitationState = z.infer<typeof invitationState>;

export const invitationSummary = z.object({
  id: z.string(),
  delivery: z.enum(['email', 'link']),
  /** The address an email invitation went to; null for a link. */
  email: z.string().nullable(),
  role: z.enum(roles),
  organisationId: z.string(),
  programId: z.string().nullable(),
  programName: z.string().nullable(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  expiresAt: z.string(),
  state: invitationState,
  createdByName: z.string(),
  createdAt: z.string(),
});
export type InvitationSummary = z.infer<typeof invitationSummary>;

/** The answer to creating one: a link invitation's address is shown once, never again. */
export const createInvitationResponse = z.object({
  invitation: invitationSummary,
  /** For a link invitation, the address to share; null for an email invitation. */
  link: z.string().nullable(),
});

export const invitationList = z.object({ invitations: z.array(invitationSummary) });

/** POST /api/invitations/:invitationId/revoke answers with the invitation as it is now. */
export const revokeInvitationResponse = invitationSummary;

/** GET /api/invitations/preview?token=: what the accept page shows before anyone commits. */
export const invitationPreview = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('open'),
    role: z.enum(roles),
    organisationName: z.string(),
    programName: z.string().nullable(),
    inviterName: z.string(),
    /**
     * 'join': a name and a language are enough (residents);
     * 'create-account': staff choose a password too;
     * 'sign-in-first': the invited email already has an account; sign in, then accept.
     */
    next: z.enum(['join', 'create-account', 'sign-in-first']),
    /** The invited address for an email invitation, so the person sees which account it is for. */
    email: z.string().nullable(),
    language: z.enum(supportedLanguages),
  }),
  z.object({ state: z.enum(['invalid', 'expired', 'used', 'revoked']) }),
]);
export type InvitationPreview = z.infer<typeof invitationPreview>;

export const invitationToken = z.string().min(20, 'The invitation link is incomplete.').max(200);

export const invitationPreviewQuery = z.object({ token: invitationToken });

/** POST /api/invitations/accept */
export const acceptInvitationRequest = z.object({
  token: invitationToken,
  /** Required when the person is new ('join', 'create-account'); ignored when signed in. */
  name: displayName.optional(),
  /** The new person's language; the invitation's language when left out. */
  language: z.enum(supportedLanguages).optional(),
  /** Required when the preview said 'create-account'; refused otherwise. */
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(256, 'Keep the password under 256 characters.')
    .optional(),
});
export type AcceptInvitationRequest = z.input<typeof acceptInvitationRequest>;

export type AcceptInvitationBody = z.infer<typeof acceptInvitationRequest>;

/** The person is signed in when this answers (the session cookie is set). */
export const acceptInvitationResponse = z.object({
  personId: z.string(),
  /** Staff must set up their second factor next. */
  secondFactor: z.enum(['enabled', 'required', 'not-required']),
});
