import type { TFunction } from 'i18next';
import type { FieldProblem } from '../../app/api.ts';

/**
 * The message beside an email field for the server's refusal: the request's own check (it has
 * a zod code) in the reader's language; a rule of the server's (e.g. "This is already your
 * address.") in its words.
 */
export function emailFieldMessage(t: TFunction, problem: FieldProblem): string {
  return problem.code === undefined ? problem.message : t('setup.errors.email');
}
