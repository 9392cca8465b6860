import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { stoppableTimers } from '../../infra/local/stoppable-timers.js';

describe('the app clock the local stack stops', () => {
  it('tells the same time and runs timers as the clock does until stopped', async () => {
    const clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));
    const timers = stoppableTimers(clock);
    expect(timers.now()).toBe(clock.now());
    const ran: string[] = [];
    timers.at(clock.now() + 1000, () => {
      ran.push('first');
    });
    const called = timers.at(clock.now() + 2000, () => {
      ran.push('called off');
    });
    called.cancel();
    await clock.advance(3000);
    expect(ran).toEqual(['first']);
  });

  it('calls off what is pending at the stop, and sets nothing after it', async () => {
    const clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));
    const timers = stoppableTimers(clock);
    const ran: string[] = [];
    timers.at(clock.now() + 30_000, () => {
      ran.push('wrap-up end');
    });
    // The clock's own timers, set by others, are not the view's to stop.
    clock.at(clock.now() + 30_000, () => {
      ran.push('elsewhere');
    });
    timers.stop();
    timers.at(clock.now() + 1000, () => {
      ran.push('after the stop');
    });
    await clock.advance(60_000);
    expect(ran).toEqual(['elsewhere']);
  });
});
