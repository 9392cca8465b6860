// The twin's state file at the stack's level: a clean stop saves it and the next start restores the same
// TaskRouter workspace; an unreadable file is moved aside with a line saying so, and the stack still starts.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { startLocalStack } from '../../infra/local/start-local-stack.js';
import { LOCAL_EPOCH, tempDir } from './support.js';

describe('the twin state in the data folder', () => {
  const dir = tempDir('twin-state');
  afterAll(() => dir.remove());
  const statePath = join(dir.path, 'twin', 'state.json');

  it('is saved on stop and restored at start, and an unreadable one is moved aside', async () => {
    const first = await startLocalStack({
      port: 0,
      dataDir: dir.path,
      clock: createManualClock(LOCAL_EPOCH),
    });
    const workspace = [...first.twin.taskrouter.core.workspaces.keys()];
    await first.stop();
    expect(existsSync(statePath)).toBe(true);
    expect(JSON.parse(readFileSync(statePath, 'utf8')).version).toBe(1);

    const lines: string[] = [];
    const second = await startLocalStack({
      port: 0,
      dataDir: dir.path,
      clock: createManualClock(LOCAL_EPOCH),
      log: (line) => lines.push(line),
    });
    // Provisioning found the restored workspace rather than making a new one.
    expect([...second.twin.taskrouter.core.workspaces.keys()]).toEqual(workspace);
    expect(lines).toContain('Twilio twin: state restored from the data folder');
    await second.stop();

    writeFileSync(statePath, '{"version":1,"savedAt":');
    lines.length = 0;
    const third = await startLocalStack({
      port: 0,
      dataDir: dir.path,
      clock: createManualClock(LOCAL_EPOCH),
      log: (line) => lines.push(line),
    });
    try {
      expect(lines.find((l) => l.includes('could not be read'))).toMatch(
        /moved to .*state\.json\.unreadable-\d+, starting empty/,
      );
      expect(readdirSync(join(dir.path, 'twin')).some((f) => f.startsWith('state.json.unreadable-'))).toBe(
        true,
      );
      // Started empty, it provisioned a workspace of its own.
      expect(third.twin.taskrouter.core.workspaces.size).toBe(1);
      expect([...third.twin.taskrouter.core.workspaces.keys()]).not.toEqual(workspace);
    } finally {
      await third.stop();
    }
  }, 60_000);
});
