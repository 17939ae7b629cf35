import type { TFunction } from 'i18next';
import type { AssignablePerson, CreateCohortBody } from '../../../shared/training/contract.ts';
import { UNIT_MAX } from '../../../shared/training/contract.ts';
import type { FieldProblem } from '../../app/api.ts';

// The assign-a-course form's rules that need no screen: which people a name filter shows, the
// body sent, and where each of the server's field problems belongs on the form.

/** Lower case without accents, so that "jose" finds "José". */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Whether every word typed in the filter is in the person's name. */
export function matchesName(name: string, filter: string): boolean {
  const words = folded(filter).split(/\s+/).filter(Boolean);
  const target = folded(name);
  return words.every((word) => target.includes(word));
}

export interface CohortDraft {
  name: string;
  dueOn: string;
  chosen: ReadonlySet<string>;
  /** What was typed as each person's unit, kept for people unchosen and chosen again. */
  units: Readonly<Record<string, string>>;
}

/**
 * The body to send: the chosen people in the list's order (so that `people.3` names one the
 * form can find again), and a unit only for the chosen who were given one.
 */
export function cohortBody(
  draft: CohortDraft,
  assignable: readonly AssignablePerson[],
): CreateCohortBody {
  const people = assignable.filter((person) => draft.chosen.has(person.id)).map(({ id }) => id);
  const units: Record<string, string> = {};
  for (const personId of people) {
    const unit = draft.units[personId]?.trim();
    if (unit) units[personId] = unit;
  }
  return { name: draft.name.trim(), dueOn: draft.dueOn, people, units };
}

/** Where on the form a field problem is shown. */
export type CohortField =
  | 'name'
  | 'dueOn'
  | 'people'
  | `person:${string}`
  | `unit:${string}`
  /** A problem the form has no place for: shown in the summary only. */
  | 'form';

/** The form's place for the server's field name, given the people that were sent. */
export function cohortFieldOf(field: string, sentPeople: readonly string[]): CohortField {
  if (field === 'name' || field === 'dueOn' || field === 'people') return field;
  const person = /^people\.(\d+)$/.exec(field);
  if (person) {
    const personId = sentPeople[Number(person[1])];
    return personId ? `person:${personId}` : 'people';
  }
  const unit = /^units\.(.+)$/.exec(field);
  if (unit?.[1]) return `unit:${unit[1]}`;
  return 'form';
}

/** The limits createCohortBody sets, which the contract does not name. */
const NAME_MAX = 120;
const PEOPLE_MAX = 500;

const tooBig = (code: string | undefined) => code === 'too_big' || code === 'too_long';

/**
 * The server's message in the reader's language, chosen by where it belongs and its code; a
 * problem this form does not know is shown in the server's own words.
 */
export function cohortFieldMessage(
  t: TFunction,
  field: CohortField,
  problem: FieldProblem,
  nameOf: (personId: string) => string,
): string {
  if (field === 'name') {
    return tooBig(problem.code)
      ? t('training.report.errors.nameLong', { max: NAME_MAX })
      : t('training.report.errors.name');
  }
  if (field === 'dueOn') return t('training.report.errors.dueOn');
  if (field === 'people') {
    if (tooBig(problem.code)) return t('training.report.errors.tooMany', { max: PEOPLE_MAX });
    if (problem.code === 'custom') return t('training.report.errors.once');
    return t('training.report.errors.nobody');
  }
  if (field.startsWith('person:') && problem.code === 'not_in_program') {
    return t('training.report.errors.notInProgram', { name: nameOf(field.slice(7)) });
  }
  if (field.startsWith('unit:')) {
    return tooBig(problem.code)
      ? t('training.report.errors.unitLong', { name: nameOf(field.slice(5)), max: UNIT_MAX })
      : t('training.report.errors.unitNotChosen');
  }
  return problem.message;
}
