import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';

// /health: the process answers. /ready: it can serve (database and bus reachable, not shutting
// down); load balancers route by it.
export function registerHealthRoutes(app: FastifyInstance, context: AppContext): void {
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    const checks: Record<string, 'ok' | 'failing'> = {};
    const probe = async (name: string, check: () => Promise<void>) => {
      try {
        await check();
        checks[name] = 'ok';
      } catch (error) {
        context.log.warn({ err: error, check: name }, 'readiness check failed');
        checks[name] = 'failing';
      }
    };
    await Promise.all([
      probe('database', () => context.database.ping()),
      probe('bus', () => context.bus.ping()),
    ]);
    const ready =
      !context.lifecycle.shuttingDown && Object.values(checks).every((value) => value === 'ok');
    if (context.lifecycle.shuttingDown) checks.process = 'failing';
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
}
