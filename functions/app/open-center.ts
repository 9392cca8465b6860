// The center as every door opens it: the ports wired in, wrap-up timers ending wrap-up.
import { type Center, type CenterPorts, createCenter } from './center.js';
import { endWrapUp } from './wrap-up.js';

export function openCenter(ports: CenterPorts): Center {
  return createCenter(ports, endWrapUp);
}
