import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../platform/db/connection.ts';
import { GoneError, InvalidError } from '../../platform/errors.ts';
import type { ProgramRunners } from '../organisations/service.ts';
import { type DialogueRow, findDialogue, stateOf } from './access.ts';
import { dialogues } from './schema.ts';

// A public dialogue's link carries a token in the fragment (/dialogues/join#token), which
// browsers never send to a server, so it stays out of every access log; the database keeps its
// SHA-256 only. Making a new link ends the old one. A link works while the dialogue is upcoming
// or open; each way it cannot be used has its own words.

export const hashDialogueToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export function newDialogueToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashDialogueToken(token) };
}

export const dialogueJoinPage = (publicUrl: string, token: string): string =>
  `${publicUrl}/dialogues/join#${token}`;

const unknownToken = () =>
  new InvalidError(
    [
      {
        field: 'token',
        message:
          'This link is not valid: it may have been copied in part, or replaced by a new one.',
        code: 'unknown_link',
      },
    ],
    'Ask the person who sent you the link for a new one.',
  );

/** 410 for a dialogue that can no longer be joined. */
export function ensureJoinable(dialogue: DialogueRow): void {
  const state = stateOf(dialogue);
  if (state === 'closed') {
    throw new GoneError(
      'This dialogue has closed: it takes no new participants. Its facilitator may share what came of it.',
      { code: 'dialogue_closed' },
    );
  }
  if (state === 'archived') {
    throw new GoneError(
      'This dialogue is an archive of an earlier conversation: no one joins it.',
      {
        code: 'dialogue_archived',
      },
    );
  }
}

/** The public dialogue a token opens, when it can still be joined. */
export async function resolveDialogueToken(
  db: Database | Transaction,
  token: string,
): Promise<{ dialogue: DialogueRow; program: ProgramRunners }> {
  const [byLink] = await db
    .select({ id: dialogues.id })
    .from(dialogues)
    .where(eq(dialogues.joinTokenHash, hashDialogueToken(token)));
  const found = byLink && (await findDialogue(db, byLink.id));
  if (found?.dialogue.audience !== 'public') throw unknownToken();
  ensureJoinable(found.dialogue);
  return found;
}
