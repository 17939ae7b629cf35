import { z } from 'zod';

// The path parameters of the circles' routes, as shared/circles/contract.ts names them.
export const inProgram = z.object({ programId: z.uuid('must be a program id') });
export const oneCircle = z.object({ id: z.uuid('must be a circle id') });
export const tags = ['circles'];
