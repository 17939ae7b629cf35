import { z } from 'zod';

export const supportedLanguages = ['en', 'es'] as const;

/** GET /api/about: what this installation is, readable by anyone. */
export const aboutResponse = z.object({
  product: z.literal('Restorativ'),
  version: z.string(),
  languages: z.array(z.enum(supportedLanguages)),
  installedAt: z.string().nullable(),
});
export type AboutResponse = z.infer<typeof aboutResponse>;
