import type { ZodType } from 'zod';

// A small fetch for the app's own API (same origin, session cookie). Errors come back as values
// a page can act on: `ApiError` when the server answered with a failure status (with the
// application/problem+json body when there is one), `NetworkError` when there was no answer.

/** One field's message in a 400 problem, e.g. `{ field: 'admin.email', message, code }`. */
export interface FieldProblem {
  field: string;
  message: string;
  /** zod's issue code (e.g. "too_small"), when the message came from the request's schema. */
  code?: string;
}

/** An RFC 9457 problem, as every Restorativ route sends its errors. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  /** A stable name for some refusals (e.g. "member-elsewhere"), to say them in the page's language. */
  code?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly status: number;
  /** The problem+json body; undefined when the answer was something else (e.g. better-auth). */
  readonly problem: Problem | undefined;
  /** The parsed JSON body, whatever its shape; undefined when there was none. */
  readonly body: unknown;
  constructor(status: number, body: unknown, isProblem: boolean) {
    super(`The server answered ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.problem = isProblem && isObject(body) ? (body as Problem) : undefined;
  }

  /** The field messages of a 400 problem; empty when there are none. */
  get fieldProblems(): FieldProblem[] {
    const errors = this.problem?.errors;
    return Array.isArray(errors)
      ? errors.filter(
          (item): item is FieldProblem =>
            isObject(item) && typeof item.field === 'string' && typeof item.message === 'string',
        )
      : [];
  }
}

/** The request never got an answer: offline, a dropped connection, a server that is down. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The server could not be reached', { cause });
    this.name = 'NetworkError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export interface ApiRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Checks the answer's shape; without it the parsed body is returned unchecked. */
  schema?: ZodType<T>;
  signal?: AbortSignal;
}

async function readBody(response: Response): Promise<{ body: unknown; isProblem: boolean }> {
  const type = response.headers.get('content-type') ?? '';
  if (!/[/+]json\b/.test(type)) return { body: undefined, isProblem: false };
  try {
    const body: unknown = await response.json();
    return { body, isProblem: type.includes('application/problem+json') };
  } catch {
    return { body: undefined, isProblem: false };
  }
}

/** Calls the API and returns its JSON answer; throws `ApiError` or `NetworkError`. */
export async function api<T = unknown>(path: string, request: ApiRequest<T> = {}): Promise<T> {
  const { method = request.body === undefined ? 'GET' : 'POST', body, schema, signal } = request;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  const answer = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, answer.body, answer.isProblem);
  return schema ? schema.parse(answer.body) : (answer.body as T);
}
