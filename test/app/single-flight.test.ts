import { describe, expect, it } from 'vitest';
import { createSingleFlight } from '../../functions/app/single-flight.js';
import { createManualClock } from '../../functions/domain/manual-clock.js';

describe('single flight', () => {
  it('shares the outcome of work under way, and lets later callers by once it is done', async () => {
    const wall = createManualClock(0);
    const flight = createSingleFlight(wall, 60_000);
    let runs = 0;
    let finish: (done: boolean) => void = () => {};
    const work = () => {
      runs++;
      return new Promise<boolean>((resolve) => {
        finish = resolve;
      });
    };
    const first = flight.run('WT1', work);
    const second = flight.run('WT1', work);
    await Promise.resolve();
    finish(true);
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(runs).toBe(1);
    expect(await flight.run('WT1', work)).toBe(true);
    expect(runs).toBe(1);
    // Another key is other work.
    const other = flight.run('WT2', work);
    finish(false);
    expect(await other).toBe(false);
    expect(runs).toBe(2);
    // Forgotten after its time.
    await wall.advance(60_000);
    const again = flight.run('WT1', work);
    finish(true);
    expect(await again).toBe(true);
    expect(runs).toBe(3);
  });

  it('does not remember work that found nothing to do, nor share a failure', async () => {
    const flight = createSingleFlight(createManualClock(0), 60_000);
    let runs = 0;
    const counted = (outcome: boolean) => async () => {
      runs++;
      return outcome;
    };
    expect(await flight.run('WT1', counted(false))).toBe(false);
    expect(await flight.run('WT1', counted(false))).toBe(false);
    expect(runs).toBe(2);
    let fail: (e: Error) => void = () => {};
    const failing = flight.run(
      'WT3',
      () =>
        new Promise<boolean>((_, reject) => {
          fail = reject;
        }),
    );
    const waiter = flight.run('WT3', counted(true));
    fail(new Error('TaskRouter down'));
    await expect(failing).rejects.toThrow('TaskRouter down');
    // The waiter tried itself.
    expect(await waiter).toBe(true);
    expect(runs).toBe(3);
  });
});
