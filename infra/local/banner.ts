// What `npm start` prints once the stack is up: where everything is and how to sign in. Built from
// the demo data and the web routes so the printed logins and URLs cannot drift from the real ones.
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import type { ClockMode } from '../../functions/domain/manual-clock.js';
import { DEMO_DATA } from './demo-data.js';

/** Pages of the web app (web/src/routes.ts serves the same paths). */
export const WEB_PAGES = [
  ['Agent desktop 座席工作台', '/agent'],
  ['Supervisor console 班长监控台', '/supervisor'],
  ['Work orders 工单', '/tickets'],
  ['Knowledge base 知识库', '/kb'],
  ['Reports 报表', '/reports'],
  ['Surveys 满意度调查', '/surveys'],
  ['Quality 质检', '/quality'],
  ['Campaigns 外呼活动', '/campaigns'],
  ['Bulk SMS 群发短信', '/bulk-sms'],
  ['Staff planning 排班规划', '/planning'],
  ['Caller phone 模拟来电', '/phone'],
  ['Admin console 管理控制台', '/admin'],
] as const;

export const SERVICE_PATHS = [
  ['Health', '/health'],
  ['OpenAPI', '/api/openapi.json'],
  ['Twilio voice webhook', '/twilio/voice'],
  ['Twilio call status callback', '/twilio/voice/status'],
  ['Twilio SMS webhook', '/twilio/sms'],
  ['Simulation API (local)', '/sim/calls'],
  ['Simulation clock (local)', '/sim/clock'],
] as const;

export interface BannerInput {
  readonly url: string;
  readonly startedInMs: number;
  readonly dataDir?: string;
  readonly clock: { readonly mode: ClockMode; readonly nowMs: number; readonly timeZone: string };
}

/** e.g. "Mon 7 Dec 2026 09:00 (Asia/Shanghai)": the center's wall clock, as the IVR's hours read it. */
export function centerTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')} ${part('hour')}:${part('minute')} (${timeZone})`;
}

function clockLines({ mode, nowMs, timeZone }: BannerInput['clock']): string[] {
  const time = centerTime(nowMs, timeZone);
  if (mode === 'system')
    return [
      `Clock: the system clock; center time ${time}.`,
      'To call at any hour, start with SIM_CLOCK=<ISO time> (e.g. 2026-12-07T10:00:00+08:00) or SIM_CLOCK=manual.',
    ];
  return [
    mode === 'running'
      ? `Clock: simulated (SIM_CLOCK), running at real speed; center time ${time}.`
      : `Clock: simulated (SIM_CLOCK=manual), standing still until moved; center time ${time}.`,
    'Move it forward from the caller phone page, or: POST /sim/clock/advance {"ms":60000}, PUT /sim/clock {"now":"<ISO time>"}.',
  ];
}

// Terminals draw CJK characters two columns wide; padEnd counts them as one.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => columns(r[i] ?? '')))) ?? [];
  const pad = (cell: string, i: number) => cell + ' '.repeat((widths[i] ?? 0) + 2 - columns(cell));
  return rows.map((r) => `  ${r.map(pad).join('').trimEnd()}`);
}

export function formatBanner({ url, startedInMs, dataDir, clock }: BannerInput): string {
  const storage = dataDir
    ? `data in ${dataDir}, kept across restarts`
    : 'in memory: everything is gone when it stops';
  const logins = DEMO_DATA.users.map((u) => [
    u.id,
    u.password,
    u.roles.join('+'),
    u.name,
    u.skills.length ? `${u.skills.join(', ')} (${u.languages.join('/')})` : '',
  ]);
  return [
    `Contact center (local) is running at ${url}  [started in ${(startedInMs / 1000).toFixed(1)} s; ${storage}]`,
    '',
    ...table([...WEB_PAGES, ...SERVICE_PATHS].map(([label, path]) => [label, `${url}${path}`])),
    '',
    ...clockLines(clock),
    '',
    'Hotlines (call them from the caller phone page):',
    ...table(HOTLINE_NUMBERS.map((n) => [n.number, n.name])),
    '',
    `Demo logins (local only; id / password / role):`,
    ...table(logins),
    '',
    'Press Ctrl-C to stop.',
  ].join('\n');
}
