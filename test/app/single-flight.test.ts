import { describe, expect, it } from 'vitest';
import { createSingleFlight } from '../../functions/app/single-flight.js';
import { createManualClock } from '../../functions/domain/manual-clock.js';

describe('single flight', () => {
  it('lets callers by while the work is under way and a moment after it is done', async () => {
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
    // The second goes by at once, without waiting for the first.
    expect(await flight.run('WT1', work)).toBe('under-way');
    finish(true);
    expect(await first).toBe('done');
    expect(await flight.run('WT1', work)).toBe('done-already');
    expect(runs).toBe(1);
    // Another key is other work.
    const other = flight.run('WT2', work);
    finish(false);
    expect(await other).toBe('nothing-to-do');
    expect(runs).toBe(2);
    // Forgotten after its time.
    await wall.advance(60_000);
    const again = flight.run('WT1', work);
    finish(true);
    expect(await again).toBe('done');
    expect(runs).toBe(3);
  });

  it('runs once more when the work under way fails or finds nothing, and someone went by meanwhile', async () => {
    const flight = createSingleFlight(createManualClock(0), 60_000);
    const outcomes: (() => Promise<boolean>)[] = [];
    let runs = 0;
    let fail: (e: Error) => void = () => {};
    outcomes.push(
      () =>
        new Promise<boolean>((_, reject) => {
          fail = reject;
        }),
    );
    outcomes.push(async () => true);
    const work = () => {
      runs++;
      return (outcomes.shift() ?? (async () => false))();
    };
    const first = flight.run('WT4', work);
    expect(await flight.run('WT4', work)).toBe('under-way');
    fail(new Error('TaskRouter 503'));
    // The event that went by has answered; the first tries again for it, and this time it works.
    expect(await first).toBe('done');
    expect(runs).toBe(2);
    // Nobody went by: a failure is the caller's own.
    await expect(
      flight.run('WT5', async () => {
        throw new Error('TaskRouter 503');
      }),
    ).rejects.toThrow('TaskRouter 503');
  });

  it('does not remember work that found nothing to do or failed', async () => {
    const flight = createSingleFlight(createManualClock(0), 60_000);
    let runs = 0;
    const counted = (outcome: boolean) => async () => {
      runs++;
      return outcome;
    };
    expect(await flight.run('WT1', counted(false))).toBe('nothing-to-do');
    expect(await flight.run('WT1', counted(false))).toBe('nothing-to-do');
    expect(runs).toBe(2);
    await expect(
      flight.run('WT3', async () => {
        throw new Error('TaskRouter down');
      }),
    ).rejects.toThrow('TaskRouter down');
    // The next event tries again.
    expect(await flight.run('WT3', counted(true))).toBe('done');
    expect(runs).toBe(3);
  });
});
