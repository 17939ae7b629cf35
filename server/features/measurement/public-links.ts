import { randomBytes } from 'node:crypto';
import { type Phase, phases } from '../../../shared/measurement/contract.ts';
import type { SurveyKind } from '../../../shared/measurement/item-bank.ts';
import { ConflictError, InvalidError } from '../../platform/errors.ts';
import type { SurveyRow } from './access.ts';

// The links a survey is answered by when nobody is sent one: a community pulse has one, printed
// on posters; a training survey has two, shown to the room at the start and at the end of the
// training (/pulse/<slug>/before and /pulse/<slug>/after), so that the dashboard can compare
// the two sides. Other kinds are sent to the people who took part, never posted.

/** A slug short enough to type, too random to guess another program's. */
export const publicSlugFor = (kind: SurveyKind): string | null =>
  kind === 'pulse' || kind === 'training' ? randomBytes(9).toString('base64url') : null;

export function publicUrlOf(publicUrl: string, slug: string, phase: Phase | null): string {
  const page = `${publicUrl}/pulse/${slug}`;
  return phase === null ? page : `${page}/${phase}`;
}

export const pulseUrl = (publicUrl: string, survey: Pick<SurveyRow, 'kind' | 'publicSlug'>) =>
  survey.kind === 'pulse' && survey.publicSlug
    ? publicUrlOf(publicUrl, survey.publicSlug, null)
    : null;

export function phaseUrls(
  publicUrl: string,
  survey: Pick<SurveyRow, 'kind' | 'publicSlug'>,
): Record<Phase, string> | null {
  const slug = survey.publicSlug;
  if (survey.kind !== 'training' || !slug) return null;
  return {
    before: publicUrlOf(publicUrl, slug, 'before'),
    after: publicUrlOf(publicUrl, slug, 'after'),
  };
}

/**
 * The phase a public link's answers are marked with: none for a pulse, before or after for a
 * training survey, which has no link without one.
 */
export function phaseFor(survey: Pick<SurveyRow, 'kind'>, phase: Phase | undefined): Phase | null {
  if (survey.kind === 'training') {
    if (phase && phases.includes(phase)) return phase;
    throw new InvalidError([
      {
        field: 'phase',
        message: 'Choose before or after the training: this survey has a link for each.',
        code: 'phase_required',
      },
    ]);
  }
  if (phase !== undefined) {
    throw new InvalidError([
      {
        field: 'phase',
        message: 'Only a training survey is answered before and after: leave the phase out.',
        code: 'not_training',
      },
    ]);
  }
  return null;
}

/** The public link a poster carries; only a pulse and a training survey have them. */
export function posterUrlOf(
  publicUrl: string,
  survey: Pick<SurveyRow, 'kind' | 'publicSlug'>,
  phase: Phase | undefined,
): string {
  if ((survey.kind !== 'pulse' && survey.kind !== 'training') || !survey.publicSlug) {
    throw new ConflictError(
      'Only a community pulse or a training survey has a public link to print: other surveys are sent to the people who took part.',
      { code: 'not_pulse' },
    );
  }
  return publicUrlOf(publicUrl, survey.publicSlug, phaseFor(survey, phase));
}
