import type { FastifyInstance, FastifyRequest } from 'fastify';
import { dayIn } from '../../../../shared/commitments/days.ts';
import type { AppContext } from '../../../platform/context.ts';
import {
  AppError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  TooManyRequestsError,
} from '../../../platform/errors.ts';
import { html } from '../../../platform/mail/templates/html.ts';
import { CSV_MAX_ROWS, commitmentsCsv } from './csv.ts';
import { languageOf } from './describe.ts';
import { detailPage } from './detail-page.ts';
import { latestPublicEvents, timelineOf } from './events.ts';
import { atomFeed, FEED_SIZE } from './feed.ts';
import { indexPage } from './index-page.ts';
import { hrefOf, messagePage, STYLESHEET_PATH, stylesheet } from './page.ts';
import { idFrom, listQueryFrom } from './params.ts';
import {
  organisationsWithPublicCommitments,
  publicCommitment,
  publicCommitments,
} from './query.ts';
import { queryOf, renderList, sendPage } from './respond.ts';
import { findScope, type ScopeKind, scopePath } from './scope.ts';
import { registerSubscriptionRoutes } from './subscription-routes.ts';
import { words } from './words.ts';

// The public accountability register: server-rendered pages that need no JavaScript and no
// sign-in, its Atom feeds, its CSV exports and email subscriptions. Not part of the API
// document (`hide`); every refusal is a page in the reader's language, never a stack trace.

const hidden = { schema: { hide: true } } as const;
const kinds: ScopeKind[] = ['organisation', 'program'];

function errorPage(error: unknown, request: FastifyRequest): { status: number; body: string } {
  const language = languageOf(request);
  const say = words[language];
  const path = request.url.split('?')[0] ?? '/register';
  const base = { language, path, query: queryOf(request) };
  const home = html`<p><a href="${hrefOf('/', language)}">${say.home}</a></p>`;
  if (error instanceof InvalidError) {
    return {
      status: 400,
      body: messagePage({
        ...base,
        title: say.badRequestTitle,
        lines: [say.badRequestIntro],
        list: error.fields.map((field) => field.message),
        action: home,
      }),
    };
  }
  if (error instanceof NotFoundError) {
    return {
      status: 404,
      body: messagePage({
        ...base,
        title: say.notFoundTitle,
        lines: [say.notFoundBody],
        action: home,
      }),
    };
  }
  if (error instanceof TooManyRequestsError) {
    return {
      status: 429,
      body: messagePage({ ...base, title: say.tooManyTitle, lines: [say.tooManyBody] }),
    };
  }
  if (error instanceof ForbiddenError) {
    return {
      status: 403,
      body: messagePage({ ...base, title: say.refusedTitle, lines: [say.refusedBody] }),
    };
  }
  const status =
    error instanceof AppError
      ? error.status
      : ((error as { statusCode?: number }).statusCode ?? 500);
  if (status >= 400 && status < 500) {
    return {
      status,
      body: messagePage({ ...base, title: say.badRequestTitle, lines: [say.errorBody] }),
    };
  }
  return {
    status: 500,
    body: messagePage({ ...base, title: say.errorTitle, lines: [say.errorBody] }),
  };
}

export async function registerPublicRegisterRoutes(
  app: FastifyInstance,
  context: AppContext,
): Promise<void> {
  const { db } = context.database;
  const { TIME_ZONE } = context.config;

  await app.register(async (register) => {
    register.setErrorHandler((error, request, reply) => {
      const { status, body } = errorPage(error, request);
      if (status >= 500) request.log.error({ err: error }, 'register page failed');
      else request.log.info({ status }, 'register request refused');
      return sendPage(reply, status, body);
    });
    // Asked again each time: a commitment made private must vanish at once, even from caches.
    const revalidate = 'no-cache';

    register.get(STYLESHEET_PATH, hidden, async (_request, reply) =>
      reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type('text/css; charset=utf-8')
        .send(stylesheet),
    );

    register.get('/register', hidden, async (request, reply) =>
      sendPage(
        reply,
        200,
        indexPage({
          language: languageOf(request),
          organisations: await organisationsWithPublicCommitments(db),
        }),
        revalidate,
      ),
    );

    for (const kind of kinds) {
      const base = scopePath(kind, ':id');
      const scopeOf = async (request: FastifyRequest) => {
        const say = words[languageOf(request)];
        const id = idFrom((request.params as { id?: unknown }).id, say);
        const scope = await findScope(db, kind, id);
        if (!scope) throw new NotFoundError('no such register');
        return scope;
      };

      register.get(base, hidden, async (request, reply) => {
        const language = languageOf(request);
        const say = words[language];
        const id = idFrom((request.params as { id?: unknown }).id, say);
        const query = listQueryFrom(request.query, say);
        return sendPage(
          reply,
          200,
          await renderList(context, language, kind, id, query),
          revalidate,
        );
      });

      register.get(`${base}/feed.atom`, hidden, async (request, reply) => {
        const scope = await scopeOf(request);
        const items = await latestPublicEvents(db, scope.programIds, FEED_SIZE);
        return reply
          .header('cache-control', revalidate)
          .header('vary', 'Accept-Language')
          .type('application/atom+xml; charset=utf-8')
          .send(
            atomFeed({
              language: languageOf(request),
              scope,
              items,
              publicUrl: context.config.publicUrl,
              timeZone: TIME_ZONE,
            }),
          );
      });

      register.get(`${base}/commitments.csv`, hidden, async (request, reply) => {
        const language = languageOf(request);
        const scope = await scopeOf(request);
        const { filters } = listQueryFrom(request.query, words[language]);
        const rows = await publicCommitments(db, {
          programIds: scope.programIds,
          filters,
          today: dayIn(TIME_ZONE),
          limit: CSV_MAX_ROWS,
        });
        return reply
          .header('cache-control', revalidate)
          .header('vary', 'Accept-Language')
          .header(
            'content-disposition',
            `attachment; filename="commitments-${kind}-${scope.id}.csv"`,
          )
          .type('text/csv; charset=utf-8; header=present')
          .send(commitmentsCsv(rows, language));
      });
    }

    register.get('/register/commitments/:id', hidden, async (request, reply) => {
      const language = languageOf(request);
      const id = idFrom((request.params as { id?: unknown }).id, words[language]);
      // A commitment that is not public is answered exactly as one that does not exist.
      const commitment = await publicCommitment(db, id, dayIn(TIME_ZONE));
      if (!commitment) throw new NotFoundError('no such public commitment');
      const timeline = await timelineOf(db, id);
      return sendPage(
        reply,
        200,
        detailPage({ language, commitment, timeline, timeZone: TIME_ZONE }),
        revalidate,
      );
    });

    registerSubscriptionRoutes(
      register,
      context,
      kinds.map((kind) => ({ kind, base: scopePath(kind, ':id') })),
    );
  });
}
