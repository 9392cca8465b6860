// Named refusals for expected mistakes (a bad request, a missing record, a state that forbids the step),
// thrown by use cases and routes alike; each app's onError turns one into a 4xx JSON body with a
// machine-readable `error` code, a sentence for people, and any extra detail. The status travels with the
// refusal because the same refusal means the same status at every door.

export class HttpProblem extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export class BadRequestError extends HttpProblem {
  override readonly name = 'BadRequestError';
  constructor(message: string, extra: Readonly<Record<string, unknown>> = {}) {
    super(400, 'bad-request', message, extra);
  }
}

export class UnauthorizedError extends HttpProblem {
  override readonly name = 'UnauthorizedError';
  constructor(
    message = 'A valid session is required: log in and send the token as "Authorization: Bearer".',
  ) {
    super(401, 'unauthorized', message, {}, { 'WWW-Authenticate': 'Bearer' });
  }
}

export class ForbiddenError extends HttpProblem {
  override readonly name = 'ForbiddenError';
  constructor(message: string, extra: Readonly<Record<string, unknown>> = {}) {
    super(403, 'forbidden', message, extra);
  }
}

export class NotFoundError extends HttpProblem {
  override readonly name = 'NotFoundError';
  constructor(what: string, id: string) {
    super(404, 'not-found', `${what} "${id}" does not exist.`, { what, id });
  }
}

/** Optimistic-lock failure: `current` is the stored record so the client can merge and retry. */
export class ConflictError extends HttpProblem {
  override readonly name = 'ConflictError';
  constructor(message: string, extra: Readonly<Record<string, unknown>>) {
    super(409, 'conflict', message, extra);
  }
}

export class UnprocessableError extends HttpProblem {
  override readonly name = 'UnprocessableError';
  constructor(code: string, message: string, extra: Readonly<Record<string, unknown>> = {}) {
    super(422, code, message, extra);
  }
}

export class TooManyRequestsError extends HttpProblem {
  override readonly name = 'TooManyRequestsError';
  constructor(message: string, retryAfterSeconds: number) {
    super(
      429,
      'too-many-requests',
      message,
      { retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}

/**
 * Stable codes for the 400s a handler or use case raises itself, one per cause, so a client can say each in
 * its own language. Kebab-case, unlike zod's snake_case issue codes, so the two never collide.
 */
export const HANDLER_ISSUE_CODES = [
  'invalid-phone',
  'before-from',
  'range-too-long',
  'out-of-range',
  'bad-start-times',
  'bad-shift-lengths',
  'bad-break',
  'unknown-day',
  'unknown-customer',
  'unknown-user',
  'unknown-vehicle',
  'autodial-not-a-call',
  'autodial-needs-phone',
  'autodial-unknown-queue',
  'wrong-password',
  'same-password',
  'unknown-country',
  'invalid-caller-id',
  'required',
  'invalid-sid',
  'invalid-format',
  'unknown-session',
  'unknown-disposition',
  'unknown-department',
  'not-resolved',
  'unknown-hotline',
  'own-number',
  'duplicate',
  'csat-twice',
  'unknown-questionnaire',
  'unknown-script',
  'unknown-question',
  'invalid-answer',
  'keypad-text-only',
  'period',
  'invalid-date',
  'both-kinds',
  'name-length',
  'too-many-days',
  'empty-file',
  'file-too-big',
  'not-utf8',
  'unknown-file-type',
  'unreadable-file',
  'missing-columns',
  'too-large',
  'too-long',
  'too-short',
  'not-audio',
  'not-pcm',
  'corrupt-audio',
  'unknown-state',
  'prompt-reads-values',
  'unknown-language',
  'unknown-prompt',
  'language-mismatch',
  'unknown-queue',
  'skill-not-held',
  'not-a-queue',
  'unknown-ticket',
  'unknown-ivr-step',
  'unknown-variable',
  'stray-brace',
  'too-many-segments',
  'id-format',
  'points-range',
  'no-points',
  'service-level-range',
  'waiting-limit-range',
  'wrap-up-range',
  'too-many-codes',
  'disposition-code',
  'label-length',
  'desk-code',
  'flow-code-missing',
  'none-offered',
  'campaign-name-length',
  'caller-id-not-ours',
  'priority-range',
  'dispositions-count',
  'time-format',
  'window-order',
  'window-outside-legal-hours',
  'weekdays',
  'max-attempts-range',
  'retry-delay-range',
  'abandon-cap-range',
  'hold-seconds-range',
  'end-before-start',
  'unreadable-header',
  'no-phone-column',
  'duplicate-column',
  'too-many-rows',
  'unknown-campaign',
  'unknown-template',
  'rate-range',
  'quiet-hours-short',
  'empty-audience',
  'date-order',
] as const;
export type HandlerIssueCode = (typeof HANDLER_ISSUE_CODES)[number];

export interface FieldIssue {
  /** Where the problem is, e.g. `body.phones.1` or `query.status`. */
  readonly path: string;
  /**
   * zod's issue code (`invalid_format`, `too_small`...) or a handler's own (HANDLER_ISSUE_CODES), so a
   * client can say it in its own language.
   */
  readonly code?: string;
  readonly message: string;
}

/** A field issue a handler or use case found, with its stable code. */
export interface HandlerIssue extends FieldIssue {
  readonly code: HandlerIssueCode;
}

/** Request validation failure naming every bad field; the same shape whether zod or a handler found it. */
export class ValidationError extends HttpProblem {
  override readonly name = 'ValidationError';
  constructor(readonly issues: readonly FieldIssue[]) {
    super(400, 'validation', `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {
      issues,
    });
  }
}

export function invalidField(path: string, code: HandlerIssueCode, message: string): ValidationError {
  return new ValidationError([{ path, code, message }]);
}

/**
 * A paging cursor the storage adapter cannot resume from: not one a list returned (forged, truncated, or
 * from another list). Thrown by the adapter before the query, so a bad cursor never reaches the database.
 */
export class BadCursorError extends ValidationError {
  constructor() {
    super([
      {
        path: 'query.cursor',
        message:
          'is not a cursor this list returned: send back the `cursor` of the previous page unchanged, or leave it out for the first page',
      },
    ]);
  }
}

export class DuplicateError extends HttpProblem {
  override readonly name = 'DuplicateError';
  constructor(what: string, field: string, value: string) {
    super(409, 'duplicate', `A ${what} with ${field} "${value}" already exists.`, { field, value });
  }
}

/** A step needs TaskRouter provisioning that has not run (or does not cover this agent or activity). */
export class NotProvisionedError extends HttpProblem {
  override readonly name = 'NotProvisionedError';
  constructor(what: string) {
    super(409, 'not-provisioned', `${what} is not provisioned yet: run the TaskRouter provisioning first.`);
  }
}
