import { randomUUID } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import packageJson from '../package.json' with { type: 'json' };
import { isStaffRole } from '../shared/permissions/roles.ts';
import { registerAboutRoutes } from './features/about/routes.ts';
import { registerAfterCircleRoutes } from './features/circles/after-routes.ts';
import { registerCircleRealtime } from './features/circles/realtime.ts';
import { registerCircleRoutes } from './features/circles/routes.ts';
import { registerPublicRegisterRoutes } from './features/commitments/public/routes.ts';
import { registerCommitmentRoutes } from './features/commitments/routes.ts';
import { registerConferenceRoutes } from './features/conferences/routes.ts';
import { registerDialogueRoutes } from './features/dialogues/routes.ts';
import { registerInvitationRoutes } from './features/invitations/routes.ts';
import { registerMeasurementRoutes } from './features/measurement/routes.ts';
import { registerOrganisationRoutes } from './features/organisations/routes.ts';
import { membershipsOf } from './features/organisations/service.ts';
import { registerPreferencesRoutes } from './features/preferences/routes.ts';
import { requireRecentReauthentication } from './features/profile/reauthentication.ts';
import { registerProfileRoutes } from './features/profile/routes.ts';
import { registerSetupRoutes } from './features/setup/routes.ts';
import { registerTrainingRoutes } from './features/training/routes.ts';
import { registerConcernRoutes } from './features/youth/concern-routes.ts';
import { registerYouthEventRoutes } from './features/youth/event-routes.ts';
import { registerYouthReportRoutes } from './features/youth/report-routes.ts';
import { registerYouthRoutes } from './features/youth/routes.ts';
import { createActorResolver } from './platform/auth/actor.ts';
import { registerAuthRoutes } from './platform/auth/routes.ts';
import type { AppContext } from './platform/context.ts';
import { registerApiDocs } from './platform/http/api-app.ts';
import { registerCsrfProtection } from './platform/http/csrf.ts';
import { registerHealthRoutes } from './platform/http/health.ts';
import { registerMetrics } from './platform/http/metrics.ts';
import { registerProblemHandlers } from './platform/http/problem.ts';
import { registerRateLimits } from './platform/http/rate-limits.ts';
import { registerWebApp } from './platform/http/web-app.ts';
import { registerWebSockets } from './platform/http/websockets.ts';
import { registerDevOutboxRoutes } from './platform/mail/dev-routes.ts';
import { builtWebRoot } from './platform/paths.ts';

const INCOMING_REQUEST_ID = /^[\w.-]{1,64}$/;

export interface BuildOptions {
  /** Where the built web app is; tests point it elsewhere. */
  webRoot?: string;
}

/** Builds the HTTP server from the platform and every feature; tests build it the same way. */
export async function buildApp(
  context: AppContext,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const { config } = context;
  const app = Fastify({
    // Fastify's logger type is pino's own interface; ours is the same pino, one major newer.
    loggerInstance: context.log as FastifyBaseLogger,
    trustProxy: config.TRUST_PROXY,
    // A request id from a trusted proxy is kept so that its logs and ours line up; from anyone
    // else it is ignored, so a client cannot make its requests look like another's in the logs.
    genReqId(request) {
      const incoming = request.headers['x-request-id'];
      return config.TRUST_PROXY &&
        typeof incoming === 'string' &&
        INCOMING_REQUEST_ID.test(incoming)
        ? incoming
        : randomUUID();
    },
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const secure = config.publicUrl.startsWith('https:');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React Aria's modal dialogs insert one fixed inline style (scroll locking on iOS);
        // its hash admits that one style and no other.
        styleSrc: ["'self'", "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='"],
        // Course texts may show images from https links (shared/training/course-images.ts).
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Over plain HTTP (a local trial) HSTS would only confuse browsers.
    strictTransportSecurity: secure,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCompress, { threshold: 1_024 });
  await registerWebSockets(app);

  registerProblemHandlers(app);
  registerCsrfProtection(app, config);
  const rateLimit = await registerRateLimits(app, config, context.log);
  const api = await registerApiDocs(app, packageJson.version);
  registerHealthRoutes(app, context);
  if (config.METRICS_ENABLED) registerMetrics(app);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const actors = createActorResolver(context.auth, context.database.db, (personId) =>
    membershipsOf(context.database.db, personId),
  );
  registerAuthRoutes(app, context.auth, config.publicUrl, {
    rateLimit,
    async endStaleSession(request) {
      await actors.current(request);
    },
    async requireRecentReauthentication(request) {
      await requireRecentReauthentication(context.database.db, await actors.require(request));
    },
    async mustKeepSecondFactor(request) {
      const person = await actors.current(request);
      return person?.memberships.some((membership) => isStaffRole(membership.role)) ?? false;
    },
  });
  registerAboutRoutes(api, context);
  registerSetupRoutes(api, context);
  registerProfileRoutes(api, context, actors);
  registerOrganisationRoutes(api, context, actors);
  registerInvitationRoutes(api, context, actors);
  registerPreferencesRoutes(api, context, actors);
  registerCommitmentRoutes(api, context, actors);
  registerAfterCircleRoutes(api, context, actors);
  registerCircleRoutes(api, context, actors);
  registerCircleRealtime(app, context, actors);
  registerConferenceRoutes(api, context, actors);
  registerDialogueRoutes(api, context, actors);
  registerMeasurementRoutes(api, context, actors);
  registerTrainingRoutes(api, context, actors);
  registerYouthRoutes(api, context, actors);
  registerYouthReportRoutes(api, context, actors);
  registerYouthEventRoutes(api, context, actors);
  registerConcernRoutes(api, context, actors);
  if (config.NODE_ENV !== 'production') registerDevOutboxRoutes(api, context);
  await registerPublicRegisterRoutes(app, context);

  await registerWebApp(app, options.webRoot ?? builtWebRoot);
  return app;
}
