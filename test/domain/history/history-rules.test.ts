// The event history's pure rules: what TaskRouter's events become, a handled call's times, the center's
// local spans of time, and CSV that Excel opens with Chinese intact.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../functions/domain/history/csv.js';
import { type CenterEvent, versioned } from '../../../functions/domain/history/event.js';
import { rollUpEvents } from '../../../functions/domain/history/measures.js';
import { isoWeek, localMidnight, timeKey } from '../../../functions/domain/history/report.js';
import { handledCall, historyFromTaskRouter } from '../../../functions/domain/history/taskrouter.js';

const ev = (type: CenterEvent['type'], at: string, extra: Partial<CenterEvent> = {}): CenterEvent => ({
  id: `${type}@${at}`,
  v: 1,
  type,
  at,
  taskSid: 'WT1',
  ...extra,
});

describe('a handled call from its events', () => {
  it('talk from the answer to wrap-up less the holds, the holds, wrap-up to completion', () => {
    const events = [
      ev('call.answered', '2026-03-02T02:00:00Z', { agent: '1002' }),
      ev('call.held', '2026-03-02T02:00:30Z'),
      ev('call.resumed', '2026-03-02T02:00:40Z'),
      ev('call.held', '2026-03-02T02:01:00Z'), // never resumed: held until wrap-up
      ev('call.wrapping', '2026-03-02T02:01:20Z'),
    ];
    expect(handledCall(events, 'WT1', Date.parse('2026-03-02T02:01:50Z'))).toEqual({
      agent: '1002',
      n: { talkSeconds: 50, holdSeconds: 30, wrapSeconds: 30 },
    });
    expect(handledCall(events.slice(1), 'WT1', Date.parse('2026-03-02T02:01:50Z'))).toBeUndefined();
  });
});

describe("TaskRouter's events", () => {
  const attributes = { type: 'inbound', call_sid: 'CA1', queue: 'claims', flow: 'warranty', vip: 'gold' };
  it('only inbound calls count as queued; a canceled task is an abandon unless the caller chose to leave', () => {
    const p = { TaskSid: 'WT1', Timestamp: '1772416800', TaskAge: '12' };
    expect(historyFromTaskRouter({ type: 'task.created', params: p, attributes })[0]).toMatchObject({
      id: 'tr:WT1:queued',
      type: 'call.queued',
      queue: 'claims',
      hotline: 'warranty',
      tier: 'gold',
    });
    expect(
      historyFromTaskRouter({ type: 'task.created', params: p, attributes: { type: 'callback' } }),
    ).toEqual([]);
    expect(historyFromTaskRouter({ type: 'task.canceled', params: p, attributes })[0]).toMatchObject({
      type: 'call.abandoned',
      n: { waitSeconds: 12 },
    });
    expect(
      historyFromTaskRouter({ type: 'task.canceled', params: p, attributes, leftByChoice: true }),
    ).toEqual([]);
  });

  it("cuts an agent's time in an activity at interval edges, with one id per change and piece", () => {
    const events = historyFromTaskRouter({
      type: 'worker.activity.update',
      attributes: {},
      params: {
        WorkerSid: 'WK1',
        WorkerName: '1002',
        WorkerVersion: '7',
        WorkerPreviousActivityName: 'Available',
        WorkerTimeInPreviousActivityMs: String(20 * 60_000),
        Timestamp: String(Date.parse('2026-03-02T02:20:00Z') / 1000),
      },
    });
    expect(events.map((e) => [e.at, e.n?.seconds, e.a?.state])).toEqual([
      ['2026-03-02T02:00:00.000Z', 900, 'available'],
      ['2026-03-02T02:15:00.000Z', 300, 'available'],
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
    const rolled = rollUpEvents(events.map(versioned), 'agent');
    expect(rolled['1002']).toEqual({ stateAvailableSeconds: 1200, loggedInSeconds: 1200 });
  });
});

describe("the center's local time", () => {
  it('finds local midnight, the week and the group of an interval in Shanghai and across a DST change', () => {
    expect(new Date(localMidnight('2026-03-02', 'Asia/Shanghai')).toISOString()).toBe(
      '2026-03-01T16:00:00.000Z',
    );
    expect(new Date(localMidnight('2026-03-29', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(new Date(localMidnight('2026-03-30', 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(isoWeek('2026-12-07')).toBe('2026-W50');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    const r = { granularity: 'interval' as const, start: '2026-03-01T16:45:00.000Z' };
    expect(timeKey(r, 'interval', 'Asia/Shanghai')).toBe('2026-03-02 00:45');
    expect(timeKey(r, 'hour', 'Asia/Shanghai')).toBe('2026-03-02 00:00');
    expect(timeKey(r, 'month', 'Asia/Shanghai')).toBe('2026-03');
  });
});

describe('CSV', () => {
  it('starts with a BOM, quotes what needs it and defuses formulas', () => {
    const text = toCsv(
      ['名称', 'value'],
      [
        ['服务水平, "SL"', 0.8],
        ['=cmd()', null],
      ],
    );
    expect(text.startsWith('\uFEFF名称,value\r\n')).toBe(true);
    expect(text).toContain('"服务水平, ""SL""",0.8\r\n');
    expect(text).toContain("'=cmd(),\r\n");
  });
});
