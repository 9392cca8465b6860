// The flow and routing validator (tests and `npm run flows:check`): unknown or unreachable states,
// missing languages, unknown queues, calendars or placeholders, bad keys, and routing expressions that
// TaskRouter would refuse, each reported with the file and the path of the problem.

import { DISPOSITION_CODE, DISPOSITION_CODE_RULE } from '../disposition.js';
import type { Language } from '../model.js';
import type { RoutingConfig } from '../routing/types.js';
import { queueExpression, workflowConfiguration } from '../routing/workflow.js';
import { parseExpression } from '../taskrouter-expression.js';
import { placeholders } from './template.js';
import type { Flow, FlowState, Text } from './types.js';

export interface Problem {
  readonly file: string;
  /** Dotted path inside the file's export, e.g. `states.mainMenu.options.3`. */
  readonly path: string;
  readonly message: string;
}

/** Variables lookups and tickets set, and the built-ins every prompt may read. */
const LOOKUP_VARS = [
  'customerId',
  'customerName',
  'vip',
  'customerLanguage',
  'ownerAgent',
  'region',
  'policyNumber',
  'policyStatus',
  'assetId',
  'vin',
  'ticketNumber',
  'ticketStatus',
  'ticketStatusText',
  'hours',
];

export function targetsOf(state: FlowState): [string, string][] {
  switch (state.kind) {
    case 'say':
    case 'answer':
    case 'sms':
    case 'ticket':
      return [['next', state.next]];
    case 'language':
      return [
        ['next', state.next],
        ['fallback', state.fallback],
      ];
    case 'menu':
      return [
        ...Object.entries(state.options).map(([k, t]): [string, string] => [`options.${k}`, t]),
        ['fallback', state.fallback],
      ];
    case 'input':
      return [
        ['next', state.next],
        ['fallback', state.fallback],
        ...(state.none ? [['none.target', state.none.target] as [string, string]] : []),
      ];
    case 'lookup':
      return [
        ['found', state.found],
        ['notFound', state.notFound],
      ];
    case 'branch':
      return [
        ['then', state.then],
        ['else', state.else],
      ];
    default:
      return [];
  }
}

function textsOf(state: FlowState): [string, Text][] {
  const out: [string, Text][] = [];
  const add = (path: string, t: Text | undefined) => t && out.push([path, t]);
  if (state.kind === 'say') add('say', state.say);
  if (state.kind === 'language' || state.kind === 'menu' || state.kind === 'input') {
    add('prompt', state.prompt);
    add('invalid', state.invalid);
    add('noInput', state.noInput);
  }
  if (state.kind === 'ticket') add('subject', state.subject);
  if (state.kind === 'sms') add('text', state.text);
  if (state.kind === 'queue' || state.kind === 'hangup') add('say', state.say);
  if (state.kind === 'voicemail') add('prompt', state.prompt);
  if (state.kind === 'answer') add('missing', state.missing);
  return out;
}

export interface FlowContext {
  readonly file: string;
  readonly queues: ReadonlySet<string>;
  readonly calendars: ReadonlySet<string>;
}

export function validateFlow(flow: Flow, ctx: FlowContext): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string, message: string) => problems.push({ file: ctx.file, path, message });
  const states = flow.states;
  if (!flow.languages.includes(flow.defaultLanguage))
    at('defaultLanguage', `"${flow.defaultLanguage}" is not one of languages [${flow.languages.join(', ')}]`);
  if (!states[flow.start]) at('start', `unknown state "${flow.start}"`);
  if (flow.calendar && !ctx.calendars.has(flow.calendar))
    at('calendar', `unknown holiday calendar "${flow.calendar}"`);
  if (!ctx.queues.has(flow.closedQueue)) at('closedQueue', `unknown queue "${flow.closedQueue}"`);
  for (const [day, span] of Object.entries(flow.hours)) {
    if (!span || !/^\d\d:\d\d$/.test(span[0]) || !/^\d\d:\d\d$/.test(span[1]) || span[0] >= span[1])
      at(`hours.${day}`, 'must be ["HH:MM", "HH:MM"] with the opening before the closing');
  }
  const known = new Set([...LOOKUP_VARS, ...Object.keys(flow.constants ?? {})]);
  for (const state of Object.values(states)) if (state.kind === 'input') known.add(state.into);
  const checkText = (path: string, text: Text) => {
    for (const lang of flow.languages)
      if (!text[lang]?.trim()) at(`${path}.${lang}`, `missing the ${lang} text`);
    for (const [lang, value] of Object.entries(text))
      for (const name of placeholders(value ?? ''))
        if (!known.has(name)) at(`${path}.${lang}`, `unknown placeholder {${name}}`);
  };
  checkText('closed', flow.closed);
  // Dispositions are shown to agents, not spoken, so they take no placeholders.
  if (flow.dispositions.length === 0) at('dispositions', 'a hotline needs at least one wrap-up code');
  const codes = new Set<string>();
  flow.dispositions.forEach((d, i) => {
    if (!DISPOSITION_CODE.test(d.code))
      at(`dispositions.${i}.code`, `"${d.code}" must be ${DISPOSITION_CODE_RULE}`);
    else if (codes.has(d.code)) at(`dispositions.${i}.code`, `"${d.code}" is listed twice`);
    codes.add(d.code);
    for (const lang of flow.languages)
      if (!d.label[lang]?.trim()) at(`dispositions.${i}.label.${lang}`, `missing the ${lang} text`);
  });
  for (const [name, state] of Object.entries(states)) {
    const base = `states.${name}`;
    for (const [path, target] of targetsOf(state))
      if (!states[target]) at(`${base}.${path}`, `unknown state "${target}"`);
    for (const [path, text] of textsOf(state)) checkText(`${base}.${path}`, text);
    if ((state.kind === 'menu' || state.kind === 'language') && Object.keys(state.options).length === 0)
      at(`${base}.options`, 'a menu needs at least one option');
    if (state.kind === 'menu' || state.kind === 'language')
      for (const key of Object.keys(state.options))
        if (!/^[0-9*#]+$/.test(key)) at(`${base}.options.${key}`, 'keys are 0-9, * and #');
    if (state.kind === 'language')
      for (const [key, lang] of Object.entries(state.options))
        if (!flow.languages.includes(lang))
          at(`${base}.options.${key}`, `"${lang}" is not a language of the flow`);
    if ((state.kind === 'queue' || state.kind === 'voicemail') && !ctx.queues.has(state.queue))
      at(`${base}.queue`, `unknown queue "${state.queue}"`);
    if (state.kind === 'answer') {
      if (!state.article[flow.defaultLanguage]?.trim())
        at(`${base}.article.${flow.defaultLanguage}`, 'needs the article to read in the default language');
      for (const [lang, id] of Object.entries(state.article)) {
        if (!flow.languages.includes(lang as Language))
          at(`${base}.article.${lang}`, `"${lang}" is not a language of the flow`);
        else if (!id?.trim()) at(`${base}.article.${lang}`, 'an empty article id');
      }
    }
    if (state.kind === 'queue')
      for (const [key, value] of Object.entries(state.attributes ?? {}))
        if (typeof value === 'string' && value.includes('-'))
          at(`${base}.attributes.${key}`, 'TaskRouter expressions cannot read values with hyphens');
  }
  const seen = new Set<string>();
  const todo = states[flow.start] ? [flow.start] : [];
  while (todo.length) {
    const name = todo.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const state = states[name];
    if (state) for (const [, t] of targetsOf(state)) if (states[t] && !seen.has(t)) todo.push(t);
  }
  for (const name of Object.keys(states))
    if (!seen.has(name)) at(`states.${name}`, `unreachable from start "${flow.start}"`);
  return problems;
}

export function validateRouting(routing: RoutingConfig, file = 'flows/routing.ts'): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string, message: string) => problems.push({ file, path, message });
  const names = new Set(routing.queues.map((q) => q.name));
  const activities = new Set(routing.activities.map((a) => a.name));
  for (const [role, name] of Object.entries(routing.roles))
    if (!activities.has(name)) at(`roles.${role}`, `unknown activity "${name}"`);
  if (!names.has('general')) at('queues', 'the default filter needs a queue named "general"');
  routing.queues.forEach((q, i) => {
    if (!/^[a-z][a-z0-9_]*$/.test(q.name)) at(`queues.${i}.name`, 'lower case letters, digits and _ only');
    if (q.overflow && !names.has(q.overflow)) at(`queues.${i}.overflow`, `unknown queue "${q.overflow}"`);
    const parsed = parseExpression(queueExpression(q));
    if (!parsed.ok) at(`queues.${i}`, `target_workers: ${parsed.error.message}`);
  });
  if (routing.overflowAfterSeconds <= routing.ownerAgentSeconds)
    at('overflowAfterSeconds', 'must be longer than ownerAgentSeconds');
  if (routing.maxWaitSeconds <= routing.overflowAfterSeconds)
    at('maxWaitSeconds', 'must be longer than overflowAfterSeconds');
  const config = workflowConfiguration(routing, (q) => q);
  config.task_routing.filters.forEach((f, i) => {
    const parsed = parseExpression(f.expression);
    if (!parsed.ok) at(`workflow.filters.${i}.expression`, `${parsed.error.message}: ${f.expression}`);
    f.targets.forEach((t, j) => {
      if (!names.has(t.queue)) at(`workflow.filters.${i}.targets.${j}.queue`, `unknown queue "${t.queue}"`);
      if (t.expression) {
        const p = parseExpression(t.expression);
        if (!p.ok) at(`workflow.filters.${i}.targets.${j}.expression`, `${p.error.message}: ${t.expression}`);
      }
      if (t.timeout !== undefined && t.timeout <= 0)
        at(`workflow.filters.${i}.targets.${j}.timeout`, 'a target timeout must be positive');
    });
  });
  return problems;
}
