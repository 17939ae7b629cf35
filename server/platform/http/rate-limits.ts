import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
} from 'fastify';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { TooManyRequestsError } from '../errors.ts';

// Limits on what can be guessed or abused: sign-in, sign-in links, second-factor codes, setup
// and invitation links. Counters live in Redis when REDIS_URL is set, so every process of an
// installation counts together; otherwise in the process. A route lists its rules in its
// config (`config: { rateLimits: [...] }`); the account lockout after failed sign-ins
// (sign-in-guard.ts) is separate and holds whatever these allow.

export interface RateRule {
  /** Names the counter; rules with the same name share one. */
  name: string;
  max: number;
  perMinutes: number;
  /**
   * 'address': the client's network address; 'address-and-account': that and the email
   * address in the request body, so one person's attempts do not lock out a whole office
   * behind one address; 'account': the email address in the body alone, so that requests from
   * many network addresses cannot flood one mailbox.
   */
  by: 'address' | 'address-and-account' | 'account';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimits?: readonly RateRule[];
  }
}

function accountOf(request: FastifyRequest): string {
  const body = request.body;
  if (typeof body !== 'object' || body === null || !('email' in body)) return '';
  return typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
}

export type RateLimiter = (
  request: FastifyRequest,
  reply: FastifyReply,
  rules: readonly RateRule[],
) => Promise<void>;

/**
 * Registers the limits and returns the check that routes with rules run before their handler;
 * routes whose rules depend on the request (better-auth's endpoints) call it themselves.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  config: Config,
  log: Logger,
): Promise<RateLimiter> {
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true })
    : undefined;
  if (redis) {
    redis.on('error', (error: Error) => log.warn({ err: error }, 'rate limits: Redis error'));
    await redis.connect();
    app.addHook('onClose', async () => {
      await redis.quit();
    });
  }
  await app.register(fastifyRateLimit, {
    global: false,
    redis,
    // Counters are per installation, and an installation is its database: processes sharing
    // one count together, and other installations (or test runs) sharing a Redis do not.
    nameSpace: `restorativ-rate:${createHash('sha256')
      .update(config.DATABASE_URL ?? config.DATA_DIR)
      .digest('hex')
      .slice(0, 16)}:`,
    // A Redis outage must not lock everyone out; the account lockout still holds.
    skipOnError: true,
  });

  const counters = new Map<string, ReturnType<FastifyInstance['createRateLimit']>>();
  const counterOf = (rule: RateRule) => {
    const key = `${rule.name}:${rule.max}:${rule.perMinutes}:${rule.by}`;
    let counter = counters.get(key);
    if (!counter) {
      counter = app.createRateLimit({
        max: rule.max,
        timeWindow: rule.perMinutes * 60_000,
        skipOnError: true,
        keyGenerator: (request) => {
          if (rule.by === 'address') return `${rule.name}|${request.ip}`;
          if (rule.by === 'account') return `${rule.name}||${accountOf(request)}`;
          return `${rule.name}|${request.ip}|${accountOf(request)}`;
        },
      });
      counters.set(key, counter);
    }
    return counter;
  };

  const check: RateLimiter = async (request, reply, rules) => {
    for (const rule of rules) {
      const result = await counterOf(rule)(request);
      if (result.isAllowed || !result.isExceeded) continue;
      log.warn({ rule: rule.name, reqId: request.id }, 'rate limit reached');
      const minutes = Math.max(1, Math.ceil(result.ttlInSeconds / 60));
      reply.header('retry-after', result.ttlInSeconds);
      throw new TooManyRequestsError(
        `Too many attempts. Please wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`,
      );
    }
  };

  app.addHook('onRoute', (route) => {
    const rules = route.config?.rateLimits;
    if (!rules || rules.length === 0) return;
    const limit: preHandlerAsyncHookHandler = async (request, reply) =>
      check(request, reply, rules);
    const existing = route.preHandler;
    route.preHandler = [limit, ...(existing ? [existing].flat() : [])];
  });
  return check;
}
