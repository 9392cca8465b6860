// Every shipped flow and the routing pass the validator; broken flows and routing get each error with
// its file and path.
import { describe, expect, it } from 'vitest';
import { routing } from '../../flows/routing.js';
import type { Flow } from '../../functions/domain/ivr/types.js';
import { validateFlow, validateRouting } from '../../functions/domain/ivr/validate.js';
import { validateEmergencyFlows } from '../../functions/domain/ivr/validate-emergency.js';
import { checkShippedFlows } from '../../infra/flows/check-all.js';

const ctx = { file: 'flows/broken.ts', queues: new Set(['general', 'claims']), calendars: new Set(['cn']) };

const base: Flow = {
  name: 'broken',
  description: 'test',
  languages: ['zh', 'en'],
  defaultLanguage: 'zh',
  timeZone: 'Asia/Shanghai',
  hours: { mon: ['09:00', '18:00'] },
  closed: { zh: '关门了', en: 'Closed' },
  closedQueue: 'general',
  start: 'menu',
  states: {
    menu: {
      kind: 'menu',
      prompt: { zh: '请按1', en: 'Press 1' },
      options: { '1': 'bye' },
      fallback: 'bye',
    },
    bye: { kind: 'hangup', say: { zh: '再见', en: 'Bye' } },
  },
  dispositions: [{ code: 'resolved', label: { zh: '已解决', en: 'Resolved' } }],
};

const messages = (flow: Flow) => validateFlow(flow, ctx).map((p) => `${p.file} ${p.path}: ${p.message}`);

describe('flow validator', () => {
  it('passes every shipped flow, the numbers and the routing', () => {
    expect(checkShippedFlows()).toEqual([]);
  });

  it('accepts the minimal flow', () => {
    expect(messages(base)).toEqual([]);
  });

  it('rejects an unknown target state', () => {
    const flow = {
      ...base,
      states: { ...base.states, menu: { ...base.states.menu, options: { '1': 'nowhere' } } },
    } as Flow;
    expect(messages(flow)).toEqual(['flows/broken.ts states.menu.options.1: unknown state "nowhere"']);
  });

  it('rejects an answer without the default language’s article, in a language the flow lacks, or empty', () => {
    const flow = {
      ...base,
      states: {
        ...base.states,
        menu: { ...base.states.menu, options: { '1': 'read' } },
        read: { kind: 'answer', article: { en: '', fr: 'x' }, next: 'bye' },
      },
    } as unknown as Flow;
    expect(messages(flow)).toEqual([
      'flows/broken.ts states.read.article.zh: needs the article to read in the default language',
      'flows/broken.ts states.read.article.en: an empty article id',
      'flows/broken.ts states.read.article.fr: "fr" is not a language of the flow',
    ]);
  });

  it('rejects an unknown start and unreachable states', () => {
    const flow: Flow = { ...base, states: { ...base.states, orphan: { kind: 'hangup' } } };
    expect(messages(flow)).toEqual(['flows/broken.ts states.orphan: unreachable from start "menu"']);
    expect(messages({ ...base, start: 'missing' })).toContain(
      'flows/broken.ts start: unknown state "missing"',
    );
  });

  it('rejects a prompt missing a language and an unknown placeholder', () => {
    const flow = {
      ...base,
      states: { ...base.states, bye: { kind: 'hangup', say: { zh: '再见 {nobody}' } } },
    } as Flow;
    expect(messages(flow)).toEqual([
      'flows/broken.ts states.bye.say.en: missing the en text',
      'flows/broken.ts states.bye.say.zh: unknown placeholder {nobody}',
    ]);
  });

  it('rejects unknown queues, calendars, bad keys, bad hours and hyphenated task attributes', () => {
    const flow = {
      ...base,
      calendar: 'mars',
      hours: { mon: ['18:00', '09:00'] },
      states: {
        menu: { ...base.states.menu, options: { '1': 'q', x: 'bye' } },
        q: { kind: 'queue', queue: 'sales', attributes: { tier: 'gold-plus' } },
        bye: base.states.bye,
      },
    } as Flow;
    expect(messages(flow)).toEqual([
      'flows/broken.ts calendar: unknown holiday calendar "mars"',
      'flows/broken.ts hours.mon: must be ["HH:MM", "HH:MM"] with the opening before the closing',
      'flows/broken.ts states.menu.options.x: keys are 0-9, * and #',
      'flows/broken.ts states.q.queue: unknown queue "sales"',
      'flows/broken.ts states.q.attributes.tier: TaskRouter expressions cannot read values with hyphens',
    ]);
  });

  it('rejects a language option the flow does not offer and a default language outside the list', () => {
    const flow = {
      ...base,
      languages: ['zh'],
      defaultLanguage: 'en',
      states: {
        menu: {
          kind: 'language',
          prompt: { zh: '请选择' },
          options: { '1': 'zh', '2': 'en' },
          next: 'bye',
          fallback: 'bye',
        },
        bye: { kind: 'hangup' },
      },
    } as Flow;
    expect(messages(flow)).toEqual([
      'flows/broken.ts defaultLanguage: "en" is not one of languages [zh]',
      'flows/broken.ts states.menu.options.2: "en" is not a language of the flow',
    ]);
  });

  it('rejects a hotline without wrap-up codes, bad or repeated codes and labels missing a language', () => {
    expect(messages({ ...base, dispositions: [] })).toEqual([
      'flows/broken.ts dispositions: a hotline needs at least one wrap-up code',
    ]);
    const flow: Flow = {
      ...base,
      dispositions: [
        { code: 'Claim Filed', label: { zh: '已报案', en: 'Claim filed' } },
        { code: 'resolved', label: { zh: '已解决', en: 'Resolved' } },
        { code: 'resolved', label: { zh: '已解决', en: 'Resolved again' } },
        { code: 'other', label: { zh: '其他' } },
      ],
    };
    expect(messages(flow)).toEqual([
      'flows/broken.ts dispositions.0.code: "Claim Filed" must be a lower-case letter, then up to 39 lower-case letters, digits or hyphens',
      'flows/broken.ts dispositions.2.code: "resolved" is listed twice',
      'flows/broken.ts dispositions.3.label.en: missing the en text',
    ]);
  });
});

describe('emergency line validator', () => {
  const ALL_DAY = ['00:00', '24:00'] as const;
  const everyDay = {
    mon: ALL_DAY,
    tue: ALL_DAY,
    wed: ALL_DAY,
    thu: ALL_DAY,
    fri: ALL_DAY,
    sat: ALL_DAY,
    sun: ALL_DAY,
  };
  const line = (priority: number, extra: Partial<Flow> = {}): Flow => ({
    ...base,
    name: 'sos',
    emergency: true,
    hours: everyDay,
    start: 'greet',
    states: {
      greet: { kind: 'say', allLanguages: true, say: { zh: '紧急', en: 'Emergency' }, next: 'go' },
      go: { kind: 'queue', queue: 'general', priority },
    },
    ...extra,
  });
  const normal: Flow = {
    ...base,
    name: 'normal',
    states: { ...base.states, bye: { kind: 'queue', queue: 'general', priority: 50 } },
  };
  const check = (...flows: Flow[]) =>
    validateEmergencyFlows(Object.fromEntries(flows.map((f) => [f.name, f])), routing).map(
      (p) => `${p.file} ${p.path}: ${p.message}`,
    );

  it('accepts a line that asks nothing, never closes and queues above everyone else', () => {
    expect(check(normal, line(66))).toEqual([]);
  });

  it('refuses a menu, closing hours or a holiday calendar, and a priority others can reach', () => {
    const broken = line(65, {
      hours: { ...everyDay, sun: ['08:00', '20:00'] },
      calendar: 'cn',
      states: {
        greet: {
          kind: 'menu',
          prompt: { zh: '请按1', en: 'Press 1' },
          options: { '1': 'go' },
          fallback: 'go',
        },
        go: { kind: 'queue', queue: 'general', priority: 65 },
      },
    });
    expect(check(normal, broken)).toEqual([
      'flows/sos.ts hours.sun: an emergency line is open around the clock: ["00:00", "24:00"]',
      'flows/sos.ts calendar: an emergency line closes on no holiday',
      'flows/sos.ts states.greet: an emergency line asks the caller nothing: no menu state',
      'flows/sos.ts states.go.priority: must be above 65, the highest another flow\'s caller reaches in "general" (VIP boost included)',
    ]);
  });
});

describe('routing validator', () => {
  it('rejects unknown overflow queues, bad queue names (bad expressions) and unknown activity roles', () => {
    const broken = {
      ...routing,
      roles: { ...routing.roles, wrapUp: 'Nap' },
      queues: [...routing.queues, { name: "vip'q", description: 'bad', overflow: 'nowhere' }],
    };
    const found = validateRouting(broken).map((p) => `${p.path}: ${p.message}`);
    expect(found).toContain('roles.wrapUp: unknown activity "Nap"');
    expect(found).toContain('queues.6.name: lower case letters, digits and _ only');
    expect(found).toContain('queues.6.overflow: unknown queue "nowhere"');
    expect(found.some((m) => m.startsWith('queues.6: target_workers:'))).toBe(true);
    // Wherever the bad queue's own filters land among the pick and transfer filters before them.
    expect(found.some((m) => /^workflow\.filters\.\d+\.expression:.*vip'q/.test(m))).toBe(true);
  });

  it('rejects timings that cannot work', () => {
    const found = validateRouting({ ...routing, maxWaitSeconds: 30 }).map((p) => p.path);
    expect(found).toEqual(['maxWaitSeconds']);
  });
});
