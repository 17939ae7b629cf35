import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldMessage, InvalidError, NotFoundError } from '../errors.ts';

// Every error leaves the server as RFC 9457 application/problem+json, mapped here and only here.
// Clients get a title, a readable detail and, for invalid input, one message per field; never a
// stack trace or an internal message.

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldMessage[];
}

const VALIDATION_CONTEXT_PREFIX: Record<string, string> = {
  body: '',
  querystring: 'query.',
  params: 'path.',
  headers: 'headers.',
};

function problemFor(error: unknown, request: FastifyRequest): Problem {
  const base = { type: 'about:blank', instance: request.url, requestId: String(request.id) };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const prefix = VALIDATION_CONTEXT_PREFIX[error.validationContext ?? 'body'] ?? '';
    const fields = error.validation.map((issue) => ({
      field: prefix + issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: issue.message ?? 'is invalid',
      code: issue.keyword,
    }));
    const invalid = new InvalidError(fields);
    return { ...base, status: 400, title: invalid.title, detail: invalid.message, errors: fields };
  }
  if (error instanceof InvalidError) {
    return {
      ...base,
      status: 400,
      title: error.title,
      detail: error.message,
      errors: error.fields,
    };
  }
  if (error instanceof AppError) {
    return {
      ...base,
      status: error.status,
      title: error.title,
      detail: error.message,
      ...(error.code ? { code: error.code } : {}),
    };
  }
  // Fastify's own client errors (bad JSON, body too large, unsupported media type) carry a
  // 4xx status and a message written for the client.
  const status = (error as FastifyError).statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const detail = (error as Error).message;
    return {
      ...base,
      status,
      title: 'The request could not be processed',
      detail,
      // Every 400 names what is at fault; here it is the body as a whole.
      ...(status === 400 ? { errors: [{ field: '', message: detail }] } : {}),
    };
  }
  return {
    ...base,
    status: 500,
    title: 'Something went wrong on our side',
    detail: 'Nothing you sent was lost. Please try again in a moment.',
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = problemFor(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: problem.status, title: problem.title }, 'request refused');
    return sendProblem(reply, problem);
  });
}

export function notFoundProblem(request: FastifyRequest): Problem {
  return problemFor(
    new NotFoundError(`There is nothing at ${request.method} ${request.url.split('?')[0]}.`),
    request,
  );
}
