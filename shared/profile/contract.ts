import { z } from 'zod';
import { supportedLanguages } from '../about/contract.ts';
import { roles } from '../permissions/roles.ts';

/** GET /api/me: the person signed in, and the roles they hold. */
export const profileResponse = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  language: z.enum(supportedLanguages),
  /** 'required': a staff member who must set up a second factor before anything else. */
  secondFactor: z.enum(['enabled', 'required', 'not-required']),
  roles: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      programId: z.string().nullable(),
      role: z.enum(roles),
    }),
  ),
});
export type ProfileResponse = z.infer<typeof profileResponse>;
