// The one Content-Security-Policy of the web app and the API, built here so the Hono middleware, the
// local web server and CloudFront's response headers policy send the same text. Only what the app
// loads is allowed: its own bundle, and per environment the Twilio SDKs' sockets or the local twin.
import type { AppConfig } from '../config.js';

/** Where the page may connect and play media from, besides its own origin. */
export interface CspSources {
  /** fetch/XHR/WebSocket targets. */
  readonly connect: readonly string[];
  /** `<audio>` sources: presigned recording URLs, the Voice SDK's ring tones. */
  readonly media: readonly string[];
}

/**
 * The Voice SDK signals over wss://voice-js.<edge>.twilio.com and posts call-quality events to
 * https://eventgw.twilio.com; the TaskRouter SDK opens https and wss channels on event-bridge.twilio.com.
 * Media itself flows over WebRTC, which CSP does not govern.
 */
export const TWILIO_CONNECT = ['https://*.twilio.com', 'wss://*.twilio.com'] as const;
/** The Voice SDK fetches and plays its ring and DTMF tones from here. */
export const TWILIO_SOUNDS = 'https://sdk.twilio.com';

/** The S3 host a presigned URL points at (virtual-hosted style, the SDK's default in AWS). */
export function s3Origin(bucket: string, region: string): string {
  return `https://${bucket}.s3.${region}.amazonaws.com`;
}

/**
 * Sources of the deployment behind CloudFront: the Twilio SDKs in the browser, recordings on S3, and the
 * push channel's WebSocket API, which is another origin than the page (wss://<api>.execute-api…).
 */
export function twilioCspSources(recordingsOrigin: string, pushOrigin?: string): CspSources {
  return {
    connect: [...TWILIO_CONNECT, ...(pushOrigin ? [pushOrigin] : [])],
    media: [TWILIO_SOUNDS, recordingsOrigin],
  };
}

/**
 * From the configuration: with the Twilio twin (a local API base URL) the page talks only to its own
 * origin ('self' covers the same-origin ws: agent link and push channel) and plays recordings from the
 * local S3 server; otherwise it is the real Twilio SDKs, the recordings bucket and the push channel.
 */
export function cspSourcesFor(config: AppConfig): CspSources {
  if (config.twilio.apiBaseUrl !== undefined) {
    return { connect: [], media: config.s3Endpoint ? [new URL(config.s3Endpoint).origin] : [] };
  }
  return twilioCspSources(
    config.s3Endpoint ? new URL(config.s3Endpoint).origin : s3Origin(config.bucketName, config.region),
    config.push ? new URL(config.push.url).origin : undefined,
  );
}

/** Directives in the order they are sent; keys are Hono's secure-headers names. */
export function cspDirectives(sources: CspSources) {
  return {
    defaultSrc: ["'self'"],
    // No 'unsafe-inline' or 'unsafe-eval': the Vite bundle has neither inline scripts nor eval.
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    // data: for the blank favicon in index.html, which keeps browsers from asking for /favicon.ico.
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ...sources.connect],
    mediaSrc: ["'self'", ...sources.media],
    objectSrc: ["'none'"],
    frameSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  } satisfies Record<string, string[]>;
}

/** The header value, e.g. for CloudFront: `default-src 'self'; script-src 'self'; …`. */
export function cspHeader(sources: CspSources): string {
  return Object.entries(cspDirectives(sources))
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}
