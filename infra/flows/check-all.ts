// Validates every shipped flow, the routing and the agent scripts together (the test suite and
// `npm run flows:check`).
import { calendars } from '../../flows/calendar.js';
import { flows } from '../../flows/index.js';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { routing } from '../../flows/routing.js';
import { SCRIPT_FILES, scripts } from '../../flows/scripts/index.js';
import { type Problem, validateFlow, validateRouting } from '../../functions/domain/ivr/validate.js';
import { validateEmergencyFlows } from '../../functions/domain/ivr/validate-emergency.js';
import { validateScript } from '../../functions/domain/scripts/validate.js';

export function checkShippedFlows(): Problem[] {
  const queues = new Set(routing.queues.map((q) => q.name));
  const calendarNames = new Set(Object.keys(calendars));
  const problems: Problem[] = [];
  for (const [name, flow] of Object.entries(flows)) {
    const file = `flows/${name}.ts`;
    if (flow.name !== name) problems.push({ file, path: 'name', message: `registered as "${name}"` });
    problems.push(...validateFlow(flow, { file, queues, calendars: calendarNames }));
  }
  problems.push(...validateEmergencyFlows(flows, routing));
  HOTLINE_NUMBERS.forEach((n, i) => {
    if (!flows[n.flow])
      problems.push({ file: 'flows/numbers.ts', path: `${i}.flow`, message: `unknown flow "${n.flow}"` });
    if (!/^\+[1-9]\d{6,14}$/.test(n.number))
      problems.push({ file: 'flows/numbers.ts', path: `${i}.number`, message: 'must be E.164' });
  });
  problems.push(...validateRouting(routing));
  problems.push(...checkShippedScripts(queues));
  return problems;
}

/** The agent scripts of flows/scripts/: each valid, for a hotline that exists, in the index by its name. */
export function checkShippedScripts(queues: ReadonlySet<string>): Problem[] {
  const hotlines = new Set(Object.keys(flows));
  const problems: Problem[] = [];
  for (const [name, script] of Object.entries(scripts)) {
    const file = SCRIPT_FILES[name] ?? 'flows/scripts/index.ts';
    if (script.name !== name) problems.push({ file, path: 'name', message: `registered as "${name}"` });
    for (const p of validateScript(script, { file, hotlines, queues }))
      problems.push({ file: p.file, path: p.path, message: p.message });
  }
  return problems;
}
