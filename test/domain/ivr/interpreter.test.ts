// The IVR interpreter on the warranty flow with an in-memory store: menus, retries and fallback,
// speech, lookups, tickets, SMS and the transfer step; and business hours with holidays.
import { describe, expect, it } from 'vitest';
import { calendars } from '../../../flows/calendar.js';
import { itSupportFlow } from '../../../flows/it-support.js';
import { warrantyFlow } from '../../../flows/warranty.js';
import { checkOpen, describeHours } from '../../../functions/domain/ivr/hours.js';
import { type IvrPorts, runFlow } from '../../../functions/domain/ivr/interpreter.js';
import type { IvrStep, Session } from '../../../functions/domain/ivr/steps.js';

const sms: { to: string; body: string }[] = [];
const created: unknown[] = [];
const ports = {
  store: {
    customers: { find: async () => [], get: async () => undefined },
    assets: { get: async () => undefined, byVin: async () => undefined, byPlate: async () => undefined },
    policies: {
      get: async (n: string) =>
        n === 'EW-2024-000101'
          ? { number: n, customerId: 'c1', status: 'valid', vehicleId: 'a1' }
          : undefined,
      byCustomer: async () => [],
    },
    calls: { update: async () => ({ ok: false, reason: 'not-found' }) },
    tickets: {
      get: async () => undefined,
      create: async (input: unknown) => {
        created.push(input);
        return { ok: true, value: { number: 'CLM-2026-000001' } };
      },
    },
  },
  sendSms: async (to: string, body: string) => {
    sms.push({ to, body });
  },
} as unknown as IvrPorts;

const call = { callSid: `CA${'0'.repeat(32)}`, caller: '+8613800000000' };
const start: Session = { flow: 'warranty', state: 'identify', lang: 'zh', attempt: 0, vars: {} };
const said = (steps: IvrStep[]) =>
  steps.flatMap((s) =>
    s.kind === 'say'
      ? [s.text]
      : s.kind === 'gather'
        ? s.prompts.map((p) => ('text' in p ? p.text : ''))
        : [],
  );
const gather = (steps: IvrStep[]) => {
  const g = steps.find((s) => s.kind === 'gather');
  if (g?.kind !== 'gather') throw new Error('no gather');
  return g;
};

describe('IVR interpreter', () => {
  it('greets an unknown caller and offers the language choice in both languages', async () => {
    const steps = await runFlow(warrantyFlow, start, { kind: 'enter' }, call, ports);
    expect(said(steps)).toEqual([
      '您好，欢迎致电爱车保服务热线。',
      '普通话服务请按1。',
      'For English, press 2.',
    ]);
    expect(gather(steps).session.state).toBe('chooseLanguage');
  });

  it('switches to English and reads the menu in English', async () => {
    const first = gather(await runFlow(warrantyFlow, start, { kind: 'enter' }, call, ports));
    const steps = await runFlow(warrantyFlow, first.session, { kind: 'answer', digits: '2' }, call, ports);
    const g = gather(steps);
    expect(g.session).toMatchObject({ state: 'mainMenu', lang: 'en' });
    expect(g.language).toBe('en');
    expect(said(steps)[0]).toMatch(/^To report a claim press 1/);
  });

  it('re-prompts after invalid input and silence, then falls back after three failures', async () => {
    let s: Session = { ...start, state: 'mainMenu', lang: 'en' };
    let steps = await runFlow(warrantyFlow, s, { kind: 'answer', digits: '9' }, call, ports);
    expect(said(steps)[0]).toBe('Sorry, that is not one of the choices.');
    s = gather(steps).session;
    expect(s.attempt).toBe(1);
    steps = await runFlow(warrantyFlow, s, { kind: 'answer', digits: '' }, call, ports);
    expect(said(steps)[0]).toBe('Sorry, we did not hear anything.');
    s = gather(steps).session;
    steps = await runFlow(warrantyFlow, s, { kind: 'answer', digits: '*' }, call, ports);
    expect(said(steps)).toEqual([
      'Let us put you through to an agent.',
      'Connecting you to an agent, please hold.',
    ]);
    expect(steps.at(-1)).toMatchObject({ kind: 'enqueue', queue: 'general' });
  });

  it('understands speech, preferring the longest matching words', async () => {
    const s: Session = { ...start, state: 'mainMenu', lang: 'en' };
    const steps = await runFlow(
      warrantyFlow,
      s,
      { kind: 'answer', speech: 'claim status please' },
      call,
      ports,
    );
    expect(gather(steps).session.state).toBe('statusClaimNumber');
  });

  it('finds a policy from its 10 digits, logs the claim, texts its number and queues to claims', async () => {
    const s: Session = { ...start, state: 'claimIdent', lang: 'zh', vars: { callerName: '王先生' } };
    let steps = await runFlow(warrantyFlow, s, { kind: 'answer', digits: '2024000101' }, call, ports);
    const g = gather(steps);
    expect(g.session.vars).toMatchObject({ policyNumber: 'EW-2024-000101', customerId: 'c1' });
    steps = await runFlow(warrantyFlow, g.session, { kind: 'answer', speech: '发动机异响' }, call, ports);
    expect(said(steps)[0]).toBe(
      '您的理赔已登记，理赔编号是 C L M 2 0 2 6 0 0 0 0 0 1。我们会把编号用短信发给您。',
    );
    expect(created.at(-1)).toMatchObject({
      type: 'claim',
      description: '发动机异响',
      policyNumber: 'EW-2024-000101',
    });
    expect(sms.at(-1)?.body).toContain('CLM-2026-000001');
    expect(steps.at(-1)).toMatchObject({ kind: 'enqueue', queue: 'claims' });
  });

  it('sends a caller with no information away with the hours', async () => {
    const s: Session = { ...start, state: 'claimIdent', lang: 'en' };
    const steps = await runFlow(warrantyFlow, s, { kind: 'answer', digits: '*' }, call, ports);
    expect(said(steps)[0]).toContain('please call us again every day from 06:00 to 22:00');
    expect(steps.at(-1)).toEqual({ kind: 'hangup' });
  });
});

describe('business hours', () => {
  const at = (iso: string) => Date.parse(iso);
  it('opens the warranty line 06:00-22:00 Shanghai time every day', () => {
    expect(
      checkOpen(warrantyFlow.hours, undefined, 'Asia/Shanghai', at('2026-03-01T21:59:00+08:00')).open,
    ).toBe(true);
    expect(
      checkOpen(warrantyFlow.hours, undefined, 'Asia/Shanghai', at('2026-03-01T22:00:00+08:00')).open,
    ).toBe(false);
    expect(
      checkOpen(warrantyFlow.hours, undefined, 'Asia/Shanghai', at('2026-03-01T06:00:00+08:00')).open,
    ).toBe(true);
  });

  it('closes IT support on a holiday and opens it on a make-up Sunday', () => {
    const cn = calendars.cn;
    expect(checkOpen(itSupportFlow.hours, cn, 'Asia/Shanghai', at('2026-10-01T10:00:00+08:00'))).toEqual({
      open: false,
      reason: 'holiday',
      holiday: '国庆节 National Day',
    });
    // Sunday 20 September is worked for the National Day break; Sunday 13 September is an ordinary Sunday.
    expect(checkOpen(itSupportFlow.hours, cn, 'Asia/Shanghai', at('2026-09-20T10:00:00+08:00')).open).toBe(
      true,
    );
    expect(checkOpen(itSupportFlow.hours, cn, 'Asia/Shanghai', at('2026-09-13T10:00:00+08:00')).open).toBe(
      false,
    );
    // The Spring Festival break closes the line on its weekdays.
    expect(checkOpen(itSupportFlow.hours, cn, 'Asia/Shanghai', at('2026-02-18T10:00:00+08:00'))).toEqual({
      open: false,
      reason: 'holiday',
      holiday: '春节 Spring Festival',
    });
  });

  it('describes hours in both languages', () => {
    expect(describeHours(itSupportFlow.hours, 'en')).toBe('Monday to Friday from 09:00 to 18:00');
    expect(describeHours(warrantyFlow.hours, 'zh')).toBe('每天06:00至22:00');
  });
});
