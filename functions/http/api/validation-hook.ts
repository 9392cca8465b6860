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
}

export function validationHook(result: HookResult): void {
  if (result.success || !result.error) return;
  const where = WHERE[result.target] ?? result.target;
  throw new ValidationError(
    result.error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      code: issue.code,
      message: issue.message,
    })),
  );
}
