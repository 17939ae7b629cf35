import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { ForbiddenError } from '../errors.ts';
import { isTrustedOrigin } from './origins.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Cookies travel with any request the browser makes, so a change must come from one of our own
// pages. Browsers name the page's origin on every POST; requests without one (scripts, the
// command line) carry no browser's cookies to abuse.
export function registerCsrfProtection(app: FastifyInstance, config: Config): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    const crossSite = request.headers['sec-fetch-site'] === 'cross-site';
    if ((origin && !isTrustedOrigin(config, origin)) || (!origin && crossSite)) {
      throw new ForbiddenError('This request came from another site, so it was refused.');
    }
  });
}
