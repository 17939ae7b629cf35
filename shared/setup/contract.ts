import { z } from 'zod';
import { supportedLanguages } from '../about/contract.ts';
import { organisationKinds, organisationName } from '../organisations/contract.ts';

export const SETUP_LINK_HOURS = 24;
export const MIN_PASSWORD_LENGTH = 12;

const token = z.string().min(20, 'The setup link is incomplete.').max(200);
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256, 'Keep the password under 256 characters.');

/** POST /api/setup: the first organisation and its admin, from the setup link. */
export const setupRequest = z.object({
  token,
  organisation: z.object({
    name: organisationName,
    kind: z.enum(organisationKinds, { error: 'Choose what kind of organisation this is.' }),
  }),
  admin: z.object({
    name: z
      .string()
      .trim()
      .min(1, 'Give your name.')
      .max(120, 'Keep the name under 120 characters.'),
    email: z.email('Give an email address such as name@example.org.').max(254),
    password,
    language: z.enum(supportedLanguages).default('en'),
  }),
});
export type SetupRequest = z.infer<typeof setupRequest>;

/** POST /api/setup/password: the admin that `restorativ init` created chooses a password. */
export const setupPasswordRequest = z.object({ token, password });

export const setupStatusQuery = z.object({ token });

/** What the setup page should show for a link. */
export const setupStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open') }),
  z.object({
    state: z.literal('choose-password'),
    organisationName: z.string(),
    adminEmail: z.string(),
  }),
  z.object({ state: z.literal('invalid') }),
]);
export type SetupStatus = z.infer<typeof setupStatus>;

export const setupResponse = z.object({ organisationId: z.string(), personId: z.string() });
