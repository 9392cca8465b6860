// The jobs the center schedules for later, run when they come due (on the local clock's timers, or from
// the job queue in AWS): the end of a wrap-up, the end of the grace after an agent's leg dropped, a
// caller still waiting a few seconds after joining the queue.
import type { ScheduledJob } from '../domain/scheduler.js';
import type { Center } from './center.js';
import { rejoinGraceEnded } from './desk/rejoin.js';
import { announceWaiting } from './waiting-caller.js';
import { endWrapUp } from './wrap-up.js';

export async function runScheduledJob(center: Center, job: ScheduledJob): Promise<void> {
  switch (job.kind) {
    case 'end-wrap-up':
      return endWrapUp(center, job);
    case 'rejoin-grace':
      await rejoinGraceEnded(center, job);
      return;
    case 'announce-waiting':
      await announceWaiting(center, job.callSid);
      return;
  }
}
