// How every Lambda is bundled, as plain data: the function construct turns it into NodejsFunction bundling
// options and test/bench/lambda-bundles.ts into esbuild options, so the benchmark measures what deploys.

/**
 * ESM rather than CJS: same size and load time (measured, bench-results/lambda-bundles.json), and ESM
 * allows top-level await, so handlers read their secrets during init instead of on a caller's request.
 * twilio and its xmlbuilder are CommonJS and `require` Node built-ins, which esbuild's ESM output can
 * only do through a real `require`: hence the createRequire banner.
 */
export const LAMBDA_BUNDLE = {
  format: 'esm',
  target: 'node22',
  platform: 'node',
  minify: true,
  sourcemap: true,
  /** Prefer packages' ESM builds (tree-shaken) over their CommonJS `main`. */
  mainFields: ['module', 'main'],
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  /** The Node.js 22 runtime ships AWS SDK v3; bundling it would triple the webhook bundle. */
  external: ['@aws-sdk/*'],
} as const;

/**
 * Per-function module substitutions. The webhook function uses libphonenumber's `min` metadata (82 KB,
 * against 155 KB for `max`): it only turns Twilio's E.164 `From` into a lookup key, and test/infra
 * checks that `min` and `max` agree on every number `max` accepts.
 */
export const WEBHOOK_ALIASES: Readonly<Record<string, string>> = {
  'libphonenumber-js/max': 'libphonenumber-js/min',
};
