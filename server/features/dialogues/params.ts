import { z } from 'zod';

// The path parameters of the dialogues' routes, as shared/dialogues/contract.ts names them.
export { inProgram, oneDialogue, tags } from './result-params.ts';

const id = z.string().min(1).max(100);
export const oneStatement = z.object({ id, statementId: id });
export const oneParticipant = z.object({ id, participantId: id });
