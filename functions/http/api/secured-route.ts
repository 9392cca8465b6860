// createRoute for an operation that needs a session: fixes the operation id, puts the operation's
// guard in front of validation (so an anonymous caller gets 401, not 400) and documents the security.
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Operation } from './access.js';
import type { Guard } from './guard.js';

type SecuredConfig<P extends string> = Omit<
  RouteConfig,
  'path' | 'operationId' | 'middleware' | 'security'
> & {
  path: P;
};

export function securedRoute<P extends string, R extends SecuredConfig<P>>(
  guard: Guard,
  operation: Operation,
  config: R,
) {
  return createRoute({
    ...config,
    operationId: operation,
    middleware: guard(operation),
    security: [{ session: [] }],
  });
}
