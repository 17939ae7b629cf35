import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';

/** The Fastify instance as features see it: zod schemas type each route's input and output. */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

// Routes declare zod schemas; the same schemas validate requests, serialise responses and
// generate the OpenAPI document browsable at /api/docs.
export async function registerApiDocs(app: FastifyInstance, version: string): Promise<ApiApp> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Restorativ API',
        description:
          'The HTTP API of Restorativ. Errors are application/problem+json; invalid input ' +
          'answers 400 with one message per field in `errors`.',
        version,
      },
    },
    transform: jsonSchemaTransform,
  });
  // The API explorer is a developer's page whose own scripts set inline styles; only its pages
  // admit them.
  const relaxStyles = (csp: string) =>
    csp.replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'");
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: relaxStyles,
    uiHooks: {
      onRequest: async (_request, reply) => {
        const csp = reply.getHeader('content-security-policy');
        if (typeof csp === 'string') reply.header('content-security-policy', relaxStyles(csp));
      },
    },
  });
  return app.withTypeProvider<ZodTypeProvider>();
}
