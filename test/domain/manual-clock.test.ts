// The shared clock: timers fire in time order at their own time, only when time is advanced.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';

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
