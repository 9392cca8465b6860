// The web app builds with the project's Vite config into a self-contained folder the local stack serves.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const CONFIG = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));

describe('web build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'cc-web-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('emits index.html that loads fingerprinted assets carrying both languages', async () => {
    // vitest sets NODE_ENV=test, which Vite would honour; build what `npm run build:web` builds.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: CONFIG, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    const index = readFileSync(join(outDir, 'index.html'), 'utf8');
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    // What the first page loads: the entry and the chunks it preloads (the labels are shared with the
    // lazily loaded pages, so they sit in a chunk of their own).
    const preloaded = [
      ...index.matchAll(/<link rel="modulepreload" crossorigin href="(\/assets\/[^"]+\.js)"/g),
    ].map((m) => m[1] ?? '');
    const files = [script ?? '', ...preloaded].map((f) => join(outDir, f));
    for (const f of files) expect(existsSync(f), f).toBe(true);
    const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    // includes(), not toContain(): a failure would print the whole bundle.
    for (const text of ['座席工作台', 'Agent desktop', '/auth/login', '/customers/']) {
      expect(code.includes(text), text).toBe(true);
    }
    expect(code.includes('react-stack-top-frame'), 'a development build of React').toBe(false);
  });
});
