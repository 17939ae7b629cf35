import { z } from 'zod';

// The path parameters of the results' routes, as shared/dialogues/contract.ts names them.
export const oneDialogue = z.object({ id: z.string().min(1).max(100) });
export const inProgram = z.object({ programId: z.string().min(1).max(100) });
export const tags = ['dialogues'];
