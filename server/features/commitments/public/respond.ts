import type { FastifyReply, FastifyRequest } from 'fastify';
import { dayIn } from '../../../../shared/commitments/days.ts';
import type { AppContext } from '../../../platform/context.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { listPage, PAGE_SIZE } from './list-page.ts';
import type { ListQuery } from './params.ts';
import { publicCommitments, publicCounts, publicOwners } from './query.ts';
import { findScope, type ScopeKind } from './scope.ts';
import type { RegisterLanguage } from './words.ts';

// What the register's routes share: how a page is sent, and the list page from its query.

/** The query of the address, less the language: what the language switch link keeps. */
export function queryOf(request: FastifyRequest): Record<string, string> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string] => entry[0] !== 'lang' && typeof entry[1] === 'string',
    ),
  );
}

export function sendPage(reply: FastifyReply, status: number, body: string, cache = 'no-store') {
  return (
    reply
      .code(status)
      .header('cache-control', cache)
      // Under the app's "no-referrer", browsers send a form's POST with "Origin: null", which the
      // cross-site check refuses: these pages' forms (follow, confirm, stop) name their origin.
      // Links away from the register still say nothing of where the reader came from.
      .header('referrer-policy', 'same-origin')
      .header('vary', 'Accept-Language')
      .type('text/html; charset=utf-8')
      .send(body)
  );
}

/** A list page's data, also for re-showing it with a message beside the email field. */
export async function renderList(
  context: AppContext,
  language: RegisterLanguage,
  kind: ScopeKind,
  id: string,
  query: ListQuery,
  subscription?: { email: string; error: string },
): Promise<string> {
  const { db } = context.database;
  const scope = await findScope(db, kind, id);
  if (!scope) throw new NotFoundError('no such register');
  const today = dayIn(context.config.TIME_ZONE);
  const rows = await publicCommitments(db, {
    programIds: scope.programIds,
    filters: query.filters,
    today,
    limit: PAGE_SIZE + 1,
    offset: (query.page - 1) * PAGE_SIZE,
  });
  return listPage({
    language,
    scope,
    commitments: rows.slice(0, PAGE_SIZE),
    counts: await publicCounts(db, scope.programIds, query.filters, today),
    owners: await publicOwners(db, scope.programIds),
    filters: query.filters,
    page: query.page,
    hasNext: rows.length > PAGE_SIZE,
    ...(subscription ? { subscription } : {}),
  });
}
