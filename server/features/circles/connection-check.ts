import { randomBytes } from 'node:crypto';
import {
  CONNECTION_CHECK_MAX_KB,
  CONNECTION_CHECK_PATH,
  connectionCheckQuery,
} from '../../../shared/circles/connection-check.ts';
import type { ApiApp } from '../../platform/http/api-app.ts';
import type { RateRule } from '../../platform/http/rate-limits.ts';
import { tags } from './params.ts';

// The connection check before someone turns on voice or camera (shared/circles/
// connection-check.ts): bytes to time, from our own server. Anyone may ask, signed in or not: a
// resident with a join link checks before joining, and so before any session. No circle is
// named and the bytes are random, so the answer says nothing about anyone; the limit per address
// keeps it from serving as a free download.

/** A check is one download and three empty requests; a few dozen per office address is plenty. */
const connectionChecks: RateRule = {
  name: 'circle-connection-check',
  max: 120,
  perMinutes: 10,
  by: 'address',
};

/**
 * Made once: random, so that no compression on the way can shrink it, and the same for every
 * request, which `no-store` keeps out of every cache.
 */
const sample = randomBytes(CONNECTION_CHECK_MAX_KB * 1024);

export function registerConnectionCheck(app: ApiApp): void {
  app.get(
    CONNECTION_CHECK_PATH,
    {
      config: { rateLimits: [connectionChecks] },
      // Compressing random bytes costs the server time and saves nothing.
      compress: false,
      schema: {
        summary: 'Bytes to time the connection before turning on voice or camera',
        tags,
        querystring: connectionCheckQuery,
        produces: ['application/octet-stream'],
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .type('application/octet-stream')
        .send(sample.subarray(0, request.query.kb * 1024)),
  );
}
