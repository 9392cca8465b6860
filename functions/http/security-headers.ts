// Browser hardening headers on every response the app sends (API, webhooks, the local web app):
// Hono's secure-headers with the app's Content-Security-Policy, no framing and a narrow
// Permissions-Policy. CloudFront sends the same set for the web app in AWS.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { type CspSources, cspDirectives } from './content-security-policy.js';

/** The softphone needs the microphone on our own origin; nothing needs the camera, location or payments. */
export const PERMISSIONS_POLICY = 'camera=(), geolocation=(), microphone=(self), payment=()';

export function securityHeaders(sources: CspSources): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: cspDirectives(sources),
    // frame-ancestors 'none' says it to current browsers; this says it to older ones.
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: [], geolocation: [], microphone: ['self'], payment: [] },
  });
}
