import type { AppContext } from '../../platform/context.ts';

// Tells whoever follows a dialogue (the live report, live.ts) that its votes or statements
// changed. Called after the change is committed: a reader told of it finds it when they fetch.
// The message says only what changed, never whose vote or what words: readers fetch the report,
// which decides what each of them may see.

export const dialogueChannel = (dialogueId: string) => `dialogue:${dialogueId}`;

export type DialogueChange = 'vote' | 'statement' | 'moderation';

export interface DialogueChangeMessage {
  kind: 'dialogue.changed';
  dialogueId: string;
  change: DialogueChange;
}

/** Publishes on `dialogue:<id>`; a bus failure is logged, never the participant's error. */
export async function announceDialogueChange(
  context: Pick<AppContext, 'bus' | 'log'>,
  dialogueId: string,
  change: DialogueChange = 'vote',
): Promise<void> {
  const message: DialogueChangeMessage = { kind: 'dialogue.changed', dialogueId, change };
  try {
    await context.bus.publish(dialogueChannel(dialogueId), message);
  } catch (error) {
    context.log.warn({ err: error, dialogueId }, 'a dialogue change was not announced');
  }
}
