// The storage-key check: key-shaped text (`CUST#`, `call-task#${sid}`) is found everywhere it scans except
// the DynamoDB adapter and the check itself, and `npm run check:keys` fails on it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findStorageKeysOutsideAdapter, keyLiteralsIn } from '../../infra/checks/storage-keys.js';
import { FIXTURES, REPO_ROOT } from './cruise.js';

const SAMPLES = 'test/fixtures/architecture/key-literals.ts';

/** How a finding shows a template: its head, then the substitution elided. */
const templateHead = (head: string) => `\`${head}\${…}\``;

describe('key-shaped literals in one source', () => {
  it('finds key-shaped string literals, plain templates and template heads, and nothing else', () => {
    const found = keyLiteralsIn(SAMPLES, readFileSync(join(REPO_ROOT, SAMPLES), 'utf8'));
    expect(found).toEqual([
      { file: SAMPLES, line: 3, text: "'CUST#'" },
      { file: SAMPLES, line: 4, text: '`heartbeat#`' },
      { file: SAMPLES, line: 5, text: templateHead('call-task#') },
      { file: SAMPLES, line: 6, text: "'voicemail_mail#1'" },
    ]);
  });

  it('reads TSX', () => {
    const found = keyLiteralsIn('view.tsx', "export const v = <a href={'ticket#1'}>#</a>;");
    expect(found.map((k) => k.text)).toEqual(["'ticket#1'"]);
  });
});

describe('a tree', () => {
  it('reports keys built in routes, workers, flows and infra, with file and line', () => {
    expect(findStorageKeysOutsideAdapter(join(FIXTURES, 'http-builds-key'))).toEqual([
      { file: 'functions/http/taskrouter-routes.ts', line: 2, text: templateHead('call-task#') },
      { file: 'functions/http/taskrouter-routes.ts', line: 3, text: "'CUST#'" },
      { file: 'functions/workers/heartbeat.ts', line: 2, text: '`heartbeat#`' },
      { file: 'infra/local/seed.ts', line: 2, text: "'CUST#1'" },
      { file: 'flows/menu.ts', line: 2, text: "'menu#main'" },
    ]);
  });

  it('accepts keys inside functions/adapters/dynamo/ and a lone # in a route', () => {
    expect(findStorageKeysOutsideAdapter(join(FIXTURES, 'clean'))).toEqual([]);
  });
});

describe('npm run check:keys', () => {
  const run = (root: string) =>
    promisify(execFile)(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['infra/checks/storage-keys.ts', root], {
      cwd: REPO_ROOT,
    }).then(
      (out) => ({ code: 0, ...out }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('fails naming the rule, the file, the line and the literal', async () => {
    const { code, stderr } = await run(join(FIXTURES, 'http-builds-key'));
    expect(code).toBe(1);
    expect(stderr).toContain(
      `error storage-keys-in-dynamo-adapter: functions/http/taskrouter-routes.ts:2 builds ${templateHead('call-task#')}`,
    );
    expect(stderr).toContain('5 storage key(s) built outside functions/adapters/dynamo/');
  });

  it('passes a tree that keeps keys in the adapter', async () => {
    const { code, stdout } = await run(join(FIXTURES, 'clean'));
    expect(code).toBe(0);
    expect(stdout).toContain('Storage keys are built only in functions/adapters/dynamo/.');
  });
});
