// The schedule-a-callback form's arithmetic on a Shanghai center, in a process on New York time so the
// center's clock, the browser's and UTC all differ: datetime-local values to and from instants, and the
// POST /api/tasks body (the pop's customer only for the pop's number).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CallbackForm,
  callbackBody,
  clockTime,
  DEFAULT_CALLER_ID,
  isoOfLocalInput,
  linkOf,
  localInputValue,
} from '../../../web/src/desk/schedule.js';

const CUSTOMER = '+14155550123';
const SH = 'Asia/Shanghai';

describe('schedule-a-callback arithmetic', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York'; // Node re-reads TZ when it is assigned
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("reads a datetime-local value on the center's wall clock", () => {
    expect(isoOfLocalInput('2026-11-24T10:30', SH)).toBe('2026-11-24T02:30:00.000Z');
    expect(isoOfLocalInput('2026-11-24T00:15:30', SH)).toBe('2026-11-23T16:15:30.000Z');
  });

  it('names no time for what is not a datetime-local value or not a real date', () => {
    for (const value of ['', '2026-11-24', '10:30', '2026-02-31T10:00', '2026-13-01T10:00', 'tomorrow'])
      expect(isoOfLocalInput(value, SH), value).toBeUndefined();
  });

  it("writes a moment on the center's wall clock, to the minute, and back", () => {
    const ms = Date.parse('2026-11-24T02:30:45.000Z');
    expect(localInputValue(ms, SH)).toBe('2026-11-24T10:30');
    expect(isoOfLocalInput(localInputValue(ms, SH), SH)).toBe('2026-11-24T02:30:00.000Z');
    expect(clockTime('2026-11-24T13:05:00.000Z', SH)).toBe('21:05');
    // A New York center reads the same moment on its own clock, whatever the browser's.
    expect(localInputValue(ms, 'America/New_York')).toBe('2026-11-23T21:30');
    // The hour a spring-forward change skips names no time there.
    expect(isoOfLocalInput('2026-03-08T02:30', 'America/New_York')).toBeUndefined();
  });

  const form: CallbackForm = {
    phone: ` ${CUSTOMER} `,
    due: '2026-11-24T10:30',
    note: ' Confirm the repair date ',
    callerId: DEFAULT_CALLER_ID,
    autoDial: true,
  };

  it('builds a callback for the agent with the number, time, reason and caller id', () => {
    expect(callbackBody(form, '1002', SH)).toEqual({
      kind: 'callback',
      dueAt: '2026-11-24T02:30:00.000Z',
      phone: CUSTOMER,
      assigneeId: '1002',
      autoDial: true,
      callerId: '+18005550100',
      note: 'Confirm the repair date',
    });
    expect(callbackBody({ ...form, note: ' ', autoDial: false }, '1002', SH)).not.toHaveProperty('note');
    expect(callbackBody({ ...form, due: '' }, '1002', SH)).toBeUndefined();
  });

  it('carries the screen pop’s customer, ticket, queue and language only while the number is the pop’s', () => {
    const link = linkOf({
      from: CUSTOMER,
      customerId: 'cus-0004',
      customerName: 'John Smith',
      ticketNumber: 'CLM-2026-000123',
      queue: 'claims',
      language: 'en',
    });
    expect(callbackBody({ ...form, link }, '1002', SH)).toMatchObject({
      customerId: 'cus-0004',
      ticketNumber: 'CLM-2026-000123',
      queue: 'claims',
      language: 'en',
    });
    const other = callbackBody({ ...form, phone: '+8613912345678', link }, '1002', SH);
    expect(other).not.toHaveProperty('customerId');
    expect(other).not.toHaveProperty('ticketNumber');
  });

  it('leaves out a queue or language the server would turn down', () => {
    expect(linkOf({ from: CUSTOMER, queue: 'nowhere', language: 'fr' })).toEqual({ phone: CUSTOMER });
    expect(linkOf({})).toEqual({});
  });
});
