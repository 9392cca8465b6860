// The queue-full rule counts callers left waiting: those whose call rings a free agent are in Twilio's
// queue too, but not waiting, so a rush with as many agents free turns no one away.
import { describe, expect, it } from 'vitest';
import { beyondQueueLimit } from '../../../functions/domain/routing/queue-limit.js';

describe('beyondQueueLimit', () => {
  it('turns away the caller who makes one more wait than the limit', () => {
    expect(beyondQueueLimit({ inQueue: 20, offered: 0, maxWaiting: 20 })).toBe(false);
    expect(beyondQueueLimit({ inQueue: 21, offered: 0, maxWaiting: 20 })).toBe(true);
  });

  it('does not count callers being offered to an agent', () => {
    // 50 callers at once with 50 agents free: each is ringing an agent, none waits.
    expect(beyondQueueLimit({ inQueue: 50, offered: 50, maxWaiting: 20 })).toBe(false);
    // 30 ringing agents and 20 truly waiting: the next one is the 21st to wait.
    expect(beyondQueueLimit({ inQueue: 50, offered: 30, maxWaiting: 20 })).toBe(false);
    expect(beyondQueueLimit({ inQueue: 51, offered: 30, maxWaiting: 20 })).toBe(true);
  });

  it('treats more offers than callers (callback tasks ringing agents) as no one waiting', () => {
    expect(beyondQueueLimit({ inQueue: 3, offered: 5, maxWaiting: 0 })).toBe(false);
    expect(beyondQueueLimit({ inQueue: 1, offered: 0, maxWaiting: 0 })).toBe(true);
  });
});
