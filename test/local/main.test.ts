// `npm start`'s entry as a real process: prints the URLs, serves, stops cleanly on SIGTERM, and exits
// 1 with a clear message when the port is taken.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startMain } from '../support/npm-start.js';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(env: Record<string, string>) {
  const run = startMain(env);
  children.push(run.child);
  return run;
}

describe('npm start (infra/local/main.ts)', () => {
  it('prints the URLs and logins within 30 s, serves, and stops cleanly on SIGTERM', async () => {
    const run = start({ PORT: '0', IN_MEMORY: '1' });
    await run.printed('Press Ctrl-C to stop.');
    const { stdout } = run.output();
    const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    expect(url).toBeDefined();
    for (const path of ['/agent', '/supervisor', '/phone', '/health', '/api/openapi.json']) {
      expect(stdout).toContain(`${url}${path}`);
    }
    expect(stdout).toMatch(/^ {2}1001 +demo-1001 +agent/m);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toContain('Stopped.');
  }, 45_000);

  it('exits 1 naming the port when it is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = start({ PORT: String(port), IN_MEMORY: '1' });
      expect(await run.exited).toBe(1);
      expect(run.output().stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  }, 45_000);
});
