// Shared helpers for the local-stack tests: a throwaway folder and a fake built web app.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LOCAL_EPOCH = Date.parse('2026-03-02T01:30:00Z');

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `cc-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A stand-in for web/dist, so these tests do not depend on a prior `npm run build:web`. */
export function fakeWebRoot(dir: string): string {
  const root = join(dir, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><div id="root"></div><script src="/assets/app-1.js"></script>',
  );
  writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log("app")');
  return root;
}

export async function login(url: string, id: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, password }),
  });
  if (response.status !== 200) throw new Error(`login ${id}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
