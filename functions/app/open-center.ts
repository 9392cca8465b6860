// The center as every door opens it: the ports wired in, scheduled jobs run when due.
import { type Center, type CenterPorts, createCenter } from './center.js';
import { runScheduledJob } from './run-scheduled.js';

export function openCenter(ports: CenterPorts): Center {
  return createCenter(ports, runScheduledJob);
}
