import { z } from 'zod';
import {
  type CommitmentFilters,
  commitmentSources,
  dueFilters,
} from '../../../../shared/commitments/contract.ts';
import { commitmentStatuses } from '../../../../shared/commitments/machine.ts';
import { type FieldMessage, InvalidError } from '../../../platform/errors.ts';
import type { RegisterWords } from './words.ts';

// What the address of a register page may say, read with messages in the reader's language. An
// empty value is "any" (a GET form sends every field, chosen or not); anything unknown is a 400
// that names the field, never a guess.

const uuid = z.uuid();

/** The id in a path, or a 400 that says the address is wrong. */
export function idFrom(value: unknown, say: RegisterWords): string {
  if (typeof value === 'string' && uuid.safeParse(value).success) return value.toLowerCase();
  throw new InvalidError([{ field: 'id', message: say.badId }]);
}

const choices = {
  status: commitmentStatuses,
  source: commitmentSources,
  due: dueFilters,
} as const;

export interface ListQuery {
  filters: CommitmentFilters;
  page: number;
}

/** Page numbers stop here: a deeper page would only make the database count to nothing. */
const LAST_PAGE = 10_000;

export function listQueryFrom(query: unknown, say: RegisterWords): ListQuery {
  const given = (query ?? {}) as Record<string, unknown>;
  const problems: FieldMessage[] = [];
  const filters: CommitmentFilters = {};
  const wrong = (field: string, label: string) =>
    problems.push({ field, message: say.badFilter(label) });

  for (const field of ['status', 'source', 'due'] as const) {
    const value = given[field];
    if (value === undefined || value === '') continue;
    const allowed: readonly string[] = choices[field];
    if (typeof value === 'string' && allowed.includes(value)) {
      Object.assign(filters, { [field]: value });
    } else {
      wrong(field, field);
    }
  }
  const owner = given.owner;
  if (owner !== undefined && owner !== '') {
    if (typeof owner === 'string' && uuid.safeParse(owner).success) {
      filters.owner = owner.toLowerCase();
    } else {
      wrong('owner', 'owner');
    }
  }

  let page = 1;
  const pageGiven = given.page;
  if (pageGiven !== undefined && pageGiven !== '') {
    const number =
      typeof pageGiven === 'string' && /^\d{1,5}$/.test(pageGiven) ? Number(pageGiven) : 0;
    if (number >= 1 && number <= LAST_PAGE) page = number;
    else problems.push({ field: 'page', message: say.badPage });
  }

  if (problems.length > 0) throw new InvalidError(problems);
  return { filters, page };
}

/** The filters as they go back into links (the next page, the feed, the export). */
export function filterParameters(filters: CommitmentFilters): Record<string, string | undefined> {
  return { status: filters.status, source: filters.source, owner: filters.owner, due: filters.due };
}
