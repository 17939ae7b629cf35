// One error type per kind; http/problem.ts maps each to a status once. Services throw these;
// routes never build error responses by hand.

export interface FieldMessage {
  /** Dotted path of the field, e.g. "agreement.items.0.dueDate"; empty for the whole body. */
  field: string;
  message: string;
  /** A stable code (zod's issue code, e.g. "too_small") that a client may translate. */
  code?: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  /** A stable name for this refusal, for pages that say it in the reader's language. */
  readonly code: string | undefined;
  constructor(detail: string, options: { code?: string } = {}) {
    super(detail);
    this.code = options.code;
  }
}

export class InvalidError extends AppError {
  readonly status = 400;
  readonly title = 'Some fields need attention';
  readonly fields: FieldMessage[];
  constructor(fields: FieldMessage[], detail = 'Please correct the fields listed and try again.') {
    super(detail);
    this.fields = fields;
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly title = 'Please sign in';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly title = 'Not allowed';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly title = 'Not found';
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly title = 'This conflicts with the current state';
}

/** Something that existed and can no longer be used: an expired, revoked or used invitation. */
export class GoneError extends AppError {
  readonly status = 410;
  readonly title = 'No longer available';
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly title = 'Too many requests';
}

export class UnavailableError extends AppError {
  readonly status = 503;
  readonly title = 'Temporarily unavailable';
}
