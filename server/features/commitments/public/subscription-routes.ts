import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import type { RateRule } from '../../../platform/http/rate-limits.ts';
import { html } from '../../../platform/mail/templates/html.ts';
import { languageOf } from './describe.ts';
import { hrefOf, messagePage } from './page.ts';
import { idFrom } from './params.ts';
import { queryOf, renderList, sendPage } from './respond.ts';
import { findScope, type ScopeKind, scopePath } from './scope.ts';
import {
  confirmSubscription,
  type LinkAnswer,
  requestSubscription,
  subscriptionOfLink,
  unsubscribe,
} from './subscriptions.ts';
import { type RegisterLanguage, words } from './words.ts';

// The email side of a register, all without signing in: the form's request, the confirm and
// unsubscribe pages behind the links in emails (a GET only shows a button, because mail
// scanners follow links; the POST acts), and RFC 8058's one-click unsubscribe.

const emailAddress = z.email().max(254);
// RFC 8058: a mail program POSTs exactly this form field to the List-Unsubscribe address.
const ONE_CLICK = { field: 'List-Unsubscribe', value: 'One-Click' };

/** One address, and one network address, cannot set off more than a few emails an hour. */
const subscribeLimits: readonly RateRule[] = [
  { name: 'register-subscribe', max: 30, perMinutes: 60, by: 'address' },
  { name: 'register-subscribe-mailbox', max: 6, perMinutes: 60, by: 'account' },
];

type Form = Record<string, string | undefined>;

export function registerSubscriptionRoutes(
  register: FastifyInstance,
  context: AppContext,
  scopes: { kind: ScopeKind; base: string }[],
): void {
  // The forms post urlencoded bodies; Fastify reads only JSON by itself.
  register.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4_096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  for (const { kind, base } of scopes) {
    register.post(
      `${base}/subscriptions`,
      { schema: { hide: true }, config: { rateLimits: subscribeLimits } },
      async (request, reply) => {
        const language = languageOf(request);
        const say = words[language];
        const id = idFrom((request.params as { id?: unknown }).id, say);
        const scope = await findScope(context.database.db, kind, id);
        if (!scope) throw new NotFoundError('no such register');
        const email = String((request.body as Form | undefined)?.email ?? '').trim();
        if (!emailAddress.safeParse(email).success) {
          const subscription = { email, error: say.badEmail };
          const query = { filters: {}, page: 1 };
          return sendPage(
            reply,
            400,
            await renderList(context, language, kind, id, query, subscription),
          );
        }
        await requestSubscription(context, scope, email, language);
        return sendPage(
          reply,
          200,
          messagePage({
            language,
            path: scopePath(kind, id),
            title: say.checkTitle,
            lines: [say.checkBody(scope.name), say.checkNote],
            action: html`<p><a href="${hrefOf(scopePath(kind, id), language)}">${say.back}</a></p>`,
          }),
        );
      },
    );
  }

  /** The page for a link that is not ours (400) or no longer names anything (404). */
  const brokenLink = (request: FastifyRequest, answer: LinkAnswer) => {
    const language = languageOf(request);
    const say = words[language];
    const path = request.url.split('?')[0] ?? '/register';
    const query = queryOf(request);
    return answer.kind === 'malformed'
      ? {
          status: 400,
          body: messagePage({
            language,
            path,
            query,
            title: say.badRequestTitle,
            lines: [say.badLink],
          }),
        }
      : {
          status: 404,
          body: messagePage({
            language,
            path,
            query,
            title: say.linkGoneTitle,
            lines: [say.linkGoneBody],
          }),
        };
  };

  const tokenOf = (request: FastifyRequest) => (request.query as Form).token;

  /** A page with one button that POSTs back to the same address. */
  const buttonPage = (
    request: FastifyRequest,
    language: RegisterLanguage,
    parts: { title: string; line: string; button: string },
  ) => {
    const path = request.url.split('?')[0] ?? '/register';
    const token = tokenOf(request) ?? '';
    return messagePage({
      language,
      path,
      query: { token },
      title: parts.title,
      lines: [parts.line],
      action: html`<form method="post" action="${hrefOf(path, language, { token })}"><input type="hidden" name="lang" value="${language}"><button type="submit">${parts.button}</button></form>`,
    });
  };

  const confirmPath = '/register/subscriptions/confirm';
  const unsubscribePath = '/register/subscriptions/unsubscribe';

  const followingPage = (
    request: FastifyRequest,
    language: RegisterLanguage,
    scope: { kind: ScopeKind; id: string; name: string },
  ) => {
    const say = words[language];
    return messagePage({
      language,
      path: request.url.split('?')[0] ?? confirmPath,
      query: { token: tokenOf(request) ?? '' },
      title: say.confirmedTitle,
      lines: [say.confirmedBody(scope.name)],
      action: html`<p><a href="${hrefOf(scopePath(scope.kind, scope.id), language)}">${say.back}</a></p>`,
    });
  };

  register.get(confirmPath, { schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request);
    const say = words[language];
    const answer = await subscriptionOfLink(context, 'confirm', tokenOf(request));
    if (answer.kind !== 'found') {
      const { status, body } = brokenLink(request, answer);
      return sendPage(reply, status, body);
    }
    if (answer.row.confirmedAt)
      return sendPage(reply, 200, followingPage(request, language, answer.scope));
    return sendPage(
      reply,
      200,
      buttonPage(request, language, {
        title: say.confirmTitle,
        line: say.confirmBody(answer.scope.name),
        button: say.confirmButton,
      }),
    );
  });

  register.post(confirmPath, { schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request);
    const answer = await confirmSubscription(context, tokenOf(request));
    if (answer.kind !== 'found') {
      const { status, body } = brokenLink(request, answer);
      return sendPage(reply, status, body);
    }
    return sendPage(reply, 200, followingPage(request, language, answer.scope));
  });

  register.get(unsubscribePath, { schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request);
    const say = words[language];
    const answer = await subscriptionOfLink(context, 'unsubscribe', tokenOf(request));
    if (answer.kind !== 'found') {
      const { status, body } = brokenLink(request, answer);
      return sendPage(reply, status, body);
    }
    return sendPage(
      reply,
      200,
      buttonPage(request, language, {
        title: say.unsubscribeTitle,
        line: say.unsubscribeBody(answer.scope.name),
        button: say.unsubscribeButton,
      }),
    );
  });

  register.post(unsubscribePath, { schema: { hide: true } }, async (request, reply) => {
    const language = languageOf(request);
    const say = words[language];
    const oneClick = (request.body as Form | undefined)?.[ONE_CLICK.field] === ONE_CLICK.value;
    const answer = await unsubscribe(context, tokenOf(request));
    if (answer.kind === 'malformed' || (answer.kind === 'gone' && !oneClick)) {
      const { status, body } = brokenLink(request, answer);
      return sendPage(reply, status, body);
    }
    // A mail program wants no page; a second one-click for the same link has nothing left to do.
    if (oneClick) return reply.code(204).send();
    return sendPage(
      reply,
      200,
      messagePage({
        language,
        // The link is spent: the language switch leads to the register that was followed.
        path:
          answer.kind === 'found' ? scopePath(answer.scope.kind, answer.scope.id) : unsubscribePath,
        title: say.unsubscribedTitle,
        lines: [say.unsubscribedBody],
        action: html`<p><a href="${hrefOf('/', language)}">${say.home}</a></p>`,
      }),
    );
  });
}
