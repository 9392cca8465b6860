// Cross-site request forgery defence for the API: a state-changing request (POST, PUT, PATCH, DELETE)
// that a browser marks as coming from another site is refused before any route runs. Browsers always
// send Origin on such requests and Sec-Fetch-Site on modern ones; clients that send neither (curl,
// servers holding a Bearer token) are not browsers acting for a victim and pass.
import type { MiddlewareHandler } from 'hono';
import type { AppConfig } from '../config.js';
import { HttpProblem } from './errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The public origin; on the embedded local stack also the origin the request itself reached, since one
 * server answers as 127.0.0.1, localhost or a LAN name while PUBLIC_BASE_URL names only one of them.
 */
export function allowedOrigins(config: AppConfig, requestUrl: string): string[] {
  const origins = [new URL(config.publicBaseUrl).origin];
  const own = new URL(requestUrl).origin;
  if (config.dynamodbEndpoint !== undefined && !origins.includes(own)) origins.push(own);
  return origins;
}

export function sameOriginGuard(config: AppConfig): MiddlewareHandler {
  return async (c, next) => {
    if (!STATE_CHANGING.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const allowed = allowedOrigins(config, c.req.url);
    // `null` is what sandboxed frames and some redirects send: not ours either.
    const foreignOrigin = origin !== undefined && !allowed.includes(origin);
    if (foreignOrigin || site === 'cross-site') {
      const from = origin ?? 'another site (Sec-Fetch-Site: cross-site)';
      throw new HttpProblem(
        403,
        'cross-origin',
        `Refused ${c.req.method} ${c.req.path} from ${from}: state-changing API requests are accepted ` +
          `only from ${allowed.join(' or ')}, or from clients that send no Origin (e.g. with a Bearer token).`,
        { origin: origin ?? null, allowedOrigins: allowed },
      );
    }
    return next();
  };
}
