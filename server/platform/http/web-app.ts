import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFoundProblem, sendProblem } from './problem.ts';

// The built web app (dist/web) is served by the same process. Any other GET that is not an API
// path gets index.html, and the client's router decides what to show (its own 404 page included).

const API_PATHS = /^\/(api|health|ready|metrics)(\/|$|\?)/;
// A missing file (an old asset after a redeploy, say) is a 404, not the app's index page.
const FILE_PATHS = /^\/(assets\/|[^?]*\.[a-z0-9]+($|\?))/i;

export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const built = existsSync(join(webRoot, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      setHeaders(response, path) {
        // Hashed asset names change with their content, so they may be cached for a year.
        response.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !API_PATHS.test(request.url) &&
      !FILE_PATHS.test(request.url);
    if (!wantsPage) return sendProblem(reply, notFoundProblem(request));
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The web app has not been built yet. Run `npm run build`, or start with `npm start`.',
        );
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
