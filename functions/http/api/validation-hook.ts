// The defaultHook of every OpenAPI route: a zod failure becomes a 400 naming each bad field as
// `<where>.<path>` (body, query, param, header) with zod's issue code, for clients to word it in their
// user's language, and zod's message, which lists the allowed values.
import type { z } from '@hono/zod-openapi';
import { ValidationError } from '../errors.js';

const WHERE: Record<string, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
};

interface HookResult {
  readonly success: boolean;
  readonly error?: z.ZodError;
  readonly target: string;
  /** What was sent, as the validator read it. */
  readonly data?: unknown;
}

/** The value sent at `path`, or undefined when there is none. */
function sentAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/**
 * zod says "expected number, received NaN" of a query parameter left out or not a number, and "expected
 * nonoptional" of a missing part: said here as what the client must do.
 */
function plainMessage(issue: z.core.$ZodIssue, data: unknown): string {
  const m = issue.message;
  if (issue.code !== 'invalid_type') return m;
  // Not sent at all (a coerced number reads a missing parameter as NaN, so the message cannot tell).
  const missing =
    (issue.path.length > 0 && sentAt(data, issue.path) === undefined) || /received undefined$/.test(m);
  if (missing) return `is required (a ${issue.expected === 'nonoptional' ? 'value' : issue.expected})`;
  if (issue.expected === 'nonoptional') return 'is required';
  if (/received NaN$/.test(m)) return 'must be a number';
  return m;
}

export function validationHook(result: HookResult): void {
  if (result.success || !result.error) return;
  const where = WHERE[result.target] ?? result.target;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      code: issue.code,
      message: plainMessage(issue, result.data),
    })),
  );
}
