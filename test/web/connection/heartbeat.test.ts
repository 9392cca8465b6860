// The heartbeat: one at once, then every 10 s; misses are counted and reported, a success resets them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHeartbeat } from '../../../web/src/connection/heartbeat.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('heartbeat', () => {
  it('beats at once and every 10 s, reports misses and recovery, and stops', async () => {
    const beat = vi.fn(async () => ({}));
    const statuses: number[] = [];
    const hb = startHeartbeat({ beat, onStatus: (misses) => statuses.push(misses) });
    await vi.advanceTimersByTimeAsync(0);
    expect(beat).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(beat).toHaveBeenCalledTimes(2);
    beat.mockRejectedValueOnce(new Error('offline')).mockRejectedValueOnce(new Error('offline'));
    await vi.advanceTimersByTimeAsync(20_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(statuses).toEqual([0, 0, 1, 2, 0]);
    hb.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(beat).toHaveBeenCalledTimes(5);
  });

  it('never overlaps a slow request with the next beat', async () => {
    let release: () => void = () => {};
    const beat = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const hb = startHeartbeat({ beat });
    hb.beatNow();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(beat).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(beat).toHaveBeenCalledTimes(2);
    hb.stop();
  });
});
