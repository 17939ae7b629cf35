import { inArray } from 'drizzle-orm';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import type { ProgramRunners } from '../organisations/service.ts';
import { findProgram } from '../organisations/service.ts';
import { accessTo } from './access.ts';
import { dialogues } from './schema.ts';

// For the register: which of the dialogues its commitments came from the reader may open, so
// that a commitment links to its dialogue only for them (others read its title in words).

export async function dialoguesReadableBy(
  db: Database | Transaction,
  actor: SignedIn,
  dialogueIds: readonly string[],
): Promise<Set<string>> {
  const readable = new Set<string>();
  if (dialogueIds.length === 0) return readable;
  const rows = await db
    .select()
    .from(dialogues)
    .where(inArray(dialogues.id, [...new Set(dialogueIds)]));
  const programsById = new Map<string, ProgramRunners | undefined>();
  for (const dialogue of rows) {
    if (!programsById.has(dialogue.programId)) {
      programsById.set(dialogue.programId, await findProgram(db, dialogue.programId));
    }
    const program = programsById.get(dialogue.programId);
    if (program && (await accessTo(db, actor, dialogue, program)).read) readable.add(dialogue.id);
  }
  return readable;
}
