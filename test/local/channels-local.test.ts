// The channels wired into the local stack: an SMS to the hotline reaches the bot through the twin, and a
// fax from the sim API is stored and attached.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { simClient } from '../support/sim.js';
import { fakeWebRoot, LOCAL_EPOCH, tempDir } from './support.js';

describe('channels on the local stack', () => {
  let stack: LocalStack;
  const dir = tempDir('channels');
  beforeAll(async () => {
    stack = await startLocalStack({
      port: 0,
      clock: createManualClock(LOCAL_EPOCH),
      demoData: true,
      webRoot: fakeWebRoot(dir.path),
    });
  }, 30_000);
  afterAll(async () => {
    await stack?.stop();
    dir.remove();
  });

  const sim = simClient(() => stack.url);

  it('answers an SMS with the bot: a customer in their stored language, a stranger in the one they wrote', async () => {
    // +8613800138000 is a demo customer whose language is Chinese.
    for (const from of ['+8613800138000', '+8613900139077']) {
      expect((await sim('/messages', { from, to: '+18005550100', body: 'HELP' })).status).toBe(201);
    }
    await stack.twin.settle();
    const lastTo = async (phone: string) =>
      ((await sim(`/messages?to=${encodeURIComponent(phone)}`)).body.messages as { body: string }[]).at(-1)
        ?.body;
    expect(await lastTo('+8613800138000')).toContain('发送理赔单号');
    expect(await lastTo('+8613900139077')).toContain('send a claim number');
  });

  it('takes a fax from the sim API and attaches it', async () => {
    const res = await sim('/faxes', { from: '+8613800138000', to: '+18005550199', text: 'claim form' });
    expect(res.body.status).toBe(201);
    expect(res.body.response.documentKey).toMatch(/^faxes\//);
  });
});
