// The shared clocks: the manual clock fires timers in time order at their own time, only when time is
// advanced; the sim clock fires them as real time passes and when it jumps, each once, in order.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clockMode,
  createManualClock,
  createSimClock,
  createSystemClock,
  parseInstant,
} from '../../functions/domain/manual-clock.js';

describe('manual clock', () => {
  it('fires due timers in order, each seeing its own time, and none early', async () => {
    const clock = createManualClock(1000);
    const seen: string[] = [];
    clock.at(1500, () => void seen.push(`b@${clock.now()}`));
    clock.at(1200, () => void seen.push(`a@${clock.now()}`));
    clock.at(5000, () => void seen.push('late'));
    await clock.advance(499);
    expect(seen).toEqual(['a@1200']);
    await clock.advance(1);
    expect(seen).toEqual(['a@1200', 'b@1500']);
    expect(clock.now()).toBe(1500);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('runs timers scheduled by timers within the same advance, and skips cancelled ones', async () => {
    const clock = createManualClock(0);
    const seen: number[] = [];
    clock.at(10, () => {
      seen.push(clock.now());
      clock.at(clock.now() + 10, () => void seen.push(clock.now()));
    });
    const cancelled = clock.at(15, () => void seen.push(-1));
    cancelled.cancel();
    await clock.advance(100);
    expect(seen).toEqual([10, 20]);
    expect(clock.now()).toBe(100);
  });

  it('awaits async timers before moving on and rejects negative steps', async () => {
    const clock = createManualClock(0);
    const seen: string[] = [];
    clock.at(1, async () => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push('slow');
    });
    clock.at(2, () => void seen.push('fast'));
    await clock.advance(2);
    expect(seen).toEqual(['slow', 'fast']);
    await expect(clock.advance(-1)).rejects.toThrow(/non-negative/);
  });

  it('flush runs timers already due', async () => {
    const clock = createManualClock(0);
    let ran = false;
    clock.at(0, () => {
      ran = true;
    });
    await clock.flush();
    expect(ran).toBe(true);
  });
});

describe('manual clock: moving to a time, failing timers', () => {
  it('advanceTo runs the timers it crosses and refuses a time in the past', async () => {
    const clock = createManualClock(1000);
    const seen: number[] = [];
    clock.at(1500, () => void seen.push(clock.now()));
    await clock.advanceTo(2000);
    expect(seen).toEqual([1500]);
    expect(clock.now()).toBe(2000);
    await expect(clock.advanceTo(1999)).rejects.toThrow(/timers cannot run backwards/);
    expect(clock.now()).toBe(2000);
  });

  it('reports a failing timer to onTimerError and goes on, and awaits afterEach after every timer', async () => {
    const errors: unknown[] = [];
    const clock = createManualClock(0, { onTimerError: (e) => errors.push(e) });
    const seen: string[] = [];
    clock.at(1, () => {
      throw new Error('boom');
    });
    clock.at(2, () => void seen.push('after'));
    await clock.advance(5, { afterEach: async () => void seen.push(`settled@${clock.now()}`) });
    expect((errors[0] as Error).message).toBe('boom');
    expect(seen).toEqual(['settled@1', 'after', 'settled@2']);
  });
});

describe('system clock', () => {
  it('hands a failing timer to onTimerError', async () => {
    const failed = new Promise<unknown>((resolve) => {
      createSystemClock({ onTimerError: resolve }).at(Date.now(), () => {
        throw new Error('late');
      });
    });
    expect(((await failed) as Error).message).toBe('late');
  });
});

describe('parseInstant', () => {
  it('takes ISO 8601 times with Z or an offset, and nothing else', () => {
    expect(parseInstant('2026-12-07T09:00:00+08:00')).toBe(Date.parse('2026-12-07T01:00:00Z'));
    expect(parseInstant('2026-12-07T09:00Z')).toBe(Date.parse('2026-12-07T09:00:00Z'));
    expect(parseInstant(' 2026-12-07T09:00:00.250-05:00 ')).toBe(Date.parse('2026-12-07T14:00:00.250Z'));
    for (const bad of [
      '2026-12-07T09:00:00', // no offset: which zone?
      '2026-02-30T09:00:00Z', // no such day
      '2026-12-07T24:00:00Z',
      '2026-12-07 09:00:00Z',
      'tomorrow',
      '',
    ])
      expect(parseInstant(bad), bad).toBeUndefined();
  });
});

describe('sim clock', () => {
  const START = Date.parse('2026-12-07T01:00:00Z');
  const noErrors = (e: unknown) => {
    throw e;
  };
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at real speed from its start and fires timers as real time passes, in order, once', async () => {
    vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') });
    const clock = createSimClock({ startMs: START, running: true, onTimerError: noErrors });
    expect(clock.mode).toBe('running');
    const seen: string[] = [];
    clock.at(START + 2000, () => void seen.push(`b@${clock.now() - START}`));
    clock.at(START + 1000, () => void seen.push(`a@${clock.now() - START}`));
    clock.at(START + 1000, () => void seen.push(`a2@${clock.now() - START}`));
    await vi.advanceTimersByTimeAsync(999);
    expect(seen).toEqual([]);
    expect(clock.now()).toBe(START + 999);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['a@1000', 'a2@1000']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toEqual(['a@1000', 'a2@1000', 'b@2000']);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('jumps: fires every crossed timer at its own time, then runs on at real speed from the target', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createSimClock({ startMs: START, running: true, onTimerError: noErrors });
    const seen: string[] = [];
    const log = (name: string) => () => void seen.push(`${name}@${clock.now() - START}`);
    clock.at(START + 3_600_000, log('hour'));
    clock.at(START + 60_000, () => {
      log('minute')();
      clock.at(clock.now() + 10, log('chained')); // scheduled by a timer inside the jump
    });
    clock.at(START + 7_200_000, log('later'));
    const cancelled = clock.at(START + 120_000, log('cancelled'));
    cancelled.cancel();
    await clock.advance(3_600_000);
    expect(seen).toEqual(['minute@60000', 'chained@60010', 'hour@3600000']);
    expect(clock.now()).toBe(START + 3_600_000);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(seen.at(-1)).toBe('later@7200000');
    expect(seen).toHaveLength(4);
  });

  it('fires each timer once whether real time or a jump reaches it, and mixes both in time order', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createSimClock({ startMs: 0, running: true, onTimerError: noErrors });
    const seen: number[] = [];
    for (const t of [50, 100, 150, 200, 250, 300]) clock.at(t, () => void seen.push(t));
    await vi.advanceTimersByTimeAsync(120); // real time: 50, 100
    await clock.advanceTo(210); // jump: 150, 200
    await vi.advanceTimersByTimeAsync(1000); // real time again: 250, 300
    await clock.advance(5000);
    expect(seen).toEqual([50, 100, 150, 200, 250, 300]);
  });

  it('refuses to move back: timers cannot run backwards', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createSimClock({ startMs: START, running: true, onTimerError: noErrors });
    await expect(clock.advanceTo(START - 1)).rejects.toThrow(RangeError);
    await expect(clock.advanceTo(START - 1)).rejects.toThrow(/timers cannot run backwards/);
    await expect(clock.advance(-1)).rejects.toThrow(/non-negative/);
    expect(clock.now()).toBe(START);
  });

  it('manual mode stands still: zero-delay work runs by itself, later timers wait for a move', async () => {
    vi.useFakeTimers({ now: 0 });
    const clock = createSimClock({ startMs: START, running: false, onTimerError: noErrors });
    expect(clock.mode).toBe('manual');
    const seen: string[] = [];
    clock.at(START, () => void seen.push('now'));
    clock.at(START + 1000, () => void seen.push('later'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(clock.now()).toBe(START);
    expect(seen).toEqual(['now']);
    await clock.advance(1000);
    expect(seen).toEqual(['now', 'later']);
    expect(clock.now()).toBe(START + 1000);
  });

  it('a move waits for timers real time already started, holds time at each timer, reports failures', async () => {
    const errors: unknown[] = [];
    const clock = createSimClock({ startMs: 0, running: false, onTimerError: (e) => errors.push(e) });
    const seen: string[] = [];
    clock.at(0, async () => {
      await new Promise((r) => setTimeout(r, 30));
      seen.push('slow, started by itself');
    });
    await new Promise((r) => setTimeout(r, 5)); // the zero-delay timer starts on its own
    clock.at(10, () => {
      throw new Error('broken timer');
    });
    clock.at(20, async () => {
      expect(clock.moveTarget()).toBe(100);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(`held at ${clock.now()}`);
    });
    await clock.advance(100);
    expect(seen).toEqual(['slow, started by itself', 'held at 20']);
    expect((errors[0] as Error).message).toBe('broken timer');
    expect(clock.moveTarget()).toBeUndefined();
    expect(clock.now()).toBe(100);
  });

  it('runs moves one at a time, and awaits afterEach after every timer it crosses', async () => {
    const clock = createSimClock({ startMs: 0, running: false, onTimerError: noErrors });
    const seen: string[] = [];
    clock.at(10, () => void seen.push('t10'));
    clock.at(30, () => void seen.push('t30'));
    const settle = async () => void seen.push(`settled@${clock.now()}`);
    await Promise.all([clock.advance(20, { afterEach: settle }), clock.advance(20, { afterEach: settle })]);
    expect(seen).toEqual(['t10', 'settled@10', 't30', 'settled@30']);
    expect(clock.now()).toBe(40);
  });

  it('runs at real speed on real timers too', async () => {
    const clock = createSimClock({ startMs: START, running: true, onTimerError: noErrors });
    const fired = new Promise<number>((resolve) => clock.at(START + 20, () => resolve(clock.now())));
    expect(await fired).toBeGreaterThanOrEqual(START + 20);
    expect(clock.now() - START).toBeLessThan(5000);
  });
});

describe('clock modes', () => {
  it('names how each clock moves', () => {
    const onTimerError = () => {};
    expect(clockMode(createSystemClock({ onTimerError }))).toBe('system');
    expect(clockMode(createManualClock(0))).toBe('manual');
    expect(clockMode(createSimClock({ startMs: 0, running: true, onTimerError }))).toBe('running');
    expect(clockMode(createSimClock({ startMs: 0, running: false, onTimerError }))).toBe('manual');
  });
});

describe('timer queue', () => {
  it('keeps time order through many timers, cancellations and compaction', async () => {
    const clock = createManualClock(0);
    const seen: number[] = [];
    const handles = Array.from({ length: 500 }, (_, i) => {
      const t = (i * 7919) % 1000; // a shuffled order of times
      return { t, h: clock.at(t, () => void seen.push(t)) };
    });
    for (const { t, h } of handles) if (t % 3 !== 0) h.cancel();
    expect(clock.pendingTimers()).toBe(handles.filter(({ t }) => t % 3 === 0).length);
    await clock.advance(1000);
    expect(seen).toEqual(
      handles
        .map(({ t }) => t)
        .filter((t) => t % 3 === 0)
        .sort((a, b) => a - b),
    );
  });
});
