// Serves the built web app (web/dist): files as they are, and index.html for any other page path so
// the browser-side router can take over (a missing /assets file still gets a 404, not HTML). Every
// answer carries the app's security headers and Content-Security-Policy, as CloudFront's do in AWS.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import type { CspSources } from '../../functions/http/content-security-policy.js';
import { securityHeaders } from '../../functions/http/security-headers.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Web app not built</title>
<p>The web app has not been built. Run <code>npm run build:web</code> (npm start does it for you).</p>`;

async function fileAt(path: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    // A plain Uint8Array view: the DOM typings of Response do not accept Node's Buffer type.
    return (await stat(path)).isFile() ? new Uint8Array(await readFile(path)) : undefined;
  } catch {
    return undefined;
  }
}

/** Until the stack knows its S3 server: the page's own origin only. */
const SELF_ONLY: CspSources = { connect: [], media: [] };

/**
 * `sources` is read per request: the local stack serves pages before its S3 server has started, and
 * allows that server for recordings once it has.
 */
export function createWebHandler(
  webRoot: string,
  sources: () => CspSources = () => SELF_ONLY,
): (request: Request) => Promise<Response> {
  const serve = createFileHandler(webRoot);
  let headersFor: { sources: CspSources; middleware: MiddlewareHandler } | undefined;
  const app = new Hono();
  app.use((c, next) => {
    const current = sources();
    if (headersFor?.sources !== current)
      headersFor = { sources: current, middleware: securityHeaders(current) };
    return headersFor.middleware(c, next);
  });
  app.all('*', (c) => serve(c.req.raw));
  return async (request) => app.fetch(request);
}

function createFileHandler(webRoot: string): (request: Request) => Promise<Response> {
  const root = resolve(webRoot);
  return async (request) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return new Response('Malformed path', { status: 400 });
    }
    const target = resolve(root, `.${pathname}`);
    if (target !== root && !target.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    const body = target === root ? undefined : await fileAt(target);
    if (body) {
      // Vite fingerprints everything under /assets, so those may be cached for good.
      const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      const type = TYPES[extname(target)] ?? 'application/octet-stream';
      return new Response(body, { headers: { 'content-type': type, 'cache-control': cache } });
    }
    if (extname(pathname) !== '') return new Response('Not found', { status: 404 });
    const index = await fileAt(join(root, 'index.html'));
    return new Response(index ?? NOT_BUILT, {
      status: index ? 200 : 503,
      headers: { 'content-type': TYPES['.html'] ?? 'text/html', 'cache-control': 'no-cache' },
    });
  };
}
