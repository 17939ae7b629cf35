import type { TFunction } from 'i18next';
import { MESSAGE_MAX, type Refusal } from '../../../shared/circles/machine.ts';
import type { FrameProblem } from '../../../shared/circles/protocol.ts';
import type { Outcome } from './live.ts';

/** Why the circle's rules said no, in kind words: what happened and what the person can do. */
export function refusalMessage(t: TFunction, reason: Refusal): string {
  if (reason === 'text_too_long') return t('circles.refusals.text_too_long', { max: MESSAGE_MAX });
  return t(`circles.refusals.${reason}`);
}

/** What went wrong with the connection itself, in the same kind words. */
export function problemMessage(t: TFunction, problem: FrameProblem): string {
  return t(`circles.problems.${problem}`);
}

/** The message for a command that did not go through; null when it did. */
export function outcomeMessage(t: TFunction, outcome: Outcome): string | null {
  switch (outcome.kind) {
    case 'accepted':
      return null;
    case 'refused':
      return refusalMessage(t, outcome.reason);
    case 'problem':
      return problemMessage(t, outcome.problem);
    case 'offline':
      return t('circles.room.offline');
  }
}
