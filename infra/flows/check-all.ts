// Validates every shipped flow and the routing together (the test suite and `npm run flows:check`).
import { calendars } from '../../flows/calendar.js';
import { flows } from '../../flows/index.js';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { routing } from '../../flows/routing.js';
import { type Problem, validateFlow, validateRouting } from '../../functions/domain/ivr/validate.js';

export function checkShippedFlows(): Problem[] {
  const queues = new Set(routing.queues.map((q) => q.name));
  const calendarNames = new Set(Object.keys(calendars));
  const problems: Problem[] = [];
  for (const [name, flow] of Object.entries(flows)) {
    const file = `flows/${name}.ts`;
    if (flow.name !== name) problems.push({ file, path: 'name', message: `registered as "${name}"` });
    problems.push(...validateFlow(flow, { file, queues, calendars: calendarNames }));
  }
  HOTLINE_NUMBERS.forEach((n, i) => {
    if (!flows[n.flow])
      problems.push({ file: 'flows/numbers.ts', path: `${i}.flow`, message: `unknown flow "${n.flow}"` });
    if (!/^\+[1-9]\d{6,14}$/.test(n.number))
      problems.push({ file: 'flows/numbers.ts', path: `${i}.number`, message: 'must be E.164' });
  });
  problems.push(...validateRouting(routing));
  return problems;
}
