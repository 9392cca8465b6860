// How the local stack refuses to start: a taken port, a data folder another stack holds.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../infra/local/data-dir-lock.js';
import { type LocalStack, PortInUseError, startLocalStack } from '../../infra/local/start-local-stack.js';
import { tempDir } from './support.js';

const stacks: LocalStack[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const stack of stacks.splice(0)) await stack.stop();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('startLocalStack refuses clearly', () => {
  it('names the port when it is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => blocker.close());
    const port = (blocker.address() as { port: number }).port;
    const attempt = startLocalStack({ port, demoData: false });
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
  });

  it('refuses a second stack on the same data folder, and allows it once the first stops', async () => {
    const dir = tempDir('lock');
    cleanups.push(dir.remove);
    const first = await startLocalStack({ port: 0, dataDir: dir.path, demoData: false });
    stacks.push(first);
    const second = startLocalStack({ port: 0, dataDir: dir.path, demoData: false });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`is already in use by another local stack (process ${process.pid})`);
    await first.stop();
    const third = await startLocalStack({ port: 0, dataDir: dir.path, demoData: false });
    stacks.push(third);
    expect((await fetch(`${third.url}/health`)).status).toBe(200);
  });
});
