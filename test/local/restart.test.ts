// A data folder keeps customers, demo data and the session key across a restart.
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/start-local-stack.js';
import { login, tempDir } from './support.js';

describe('local stack with a data folder', () => {
  const dir = tempDir('restart');
  afterAll(() => dir.remove());

  it('keeps what was written, and sessions stay valid, after a stop and a start', async () => {
    const first = await startLocalStack({ port: 0, dataDir: dir.path });
    let token: string;
    try {
      expect(first.demo?.skipped).toBe(0);
      const created = await first.store.customers.create({
        id: 'cus-restart',
        name: 'Restart Test 重启测试',
        phones: ['+8613000000001'],
        language: 'zh',
        vipTier: 'none',
      });
      expect(created.ok).toBe(true);
      token = await login(first.url, '1002', 'demo-1002');
    } finally {
      await first.stop();
    }

    const second = await startLocalStack({ port: 0, dataDir: dir.path });
    try {
      expect(second.demo?.created).toBe(0);
      expect((await second.store.customers.get('cus-restart'))?.name).toBe('Restart Test 重启测试');
      const me = await fetch(`${second.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
