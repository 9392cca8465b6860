// Eight weeks of made-up history for a fresh local center, so every report, chart and forecast has
// something to show: weekday and hour-of-day patterns, a closed holiday, a campaign week with outbound
// calls, repeat callers, holds, transfers, voicemails, callbacks, surveys and tickets. Written through the
// same event path as live calls (History.record, then the roll-up), with ids of their own, so loading it
// twice changes nothing. The numbers are random but seeded: every fresh start shows the same history.

import { calendars } from '../../../flows/calendar.js';
import type { History } from '../../../functions/app/history/history.js';
import type { NewCenterEvent } from '../../../functions/domain/history/event.js';
import { localMidnight, localWeekdayHour, nextDate } from '../../../functions/domain/history/report.js';
import { seededRandom } from './seeded-random.js';

export interface DemoHistoryOptions {
  /** The center's "now": history ends the day before it. */
  readonly nowMs: number;
  readonly timeZone: string;
  readonly weeks?: number;
  readonly seed?: number;
  /** Calls on an ordinary weekday (the busiest days get a bit more, weekends much less). */
  readonly callsPerWeekday?: number;
}

export interface DemoHistory {
  readonly events: NewCenterEvent[];
  readonly calls: number;
  readonly days: readonly string[];
  readonly holiday?: string;
  readonly campaignWeek: readonly string[];
}

const QUEUES = [
  { queue: 'claims', hotline: 'warranty', agents: ['1001', '1003'], weight: 0.35 },
  { queue: 'general', hotline: 'warranty', agents: ['1002', '1003', '1004'], weight: 0.3 },
  { queue: 'complaints', hotline: 'warranty', agents: ['1002'], weight: 0.12 },
  { queue: 'policy', hotline: 'warranty', agents: ['1001'], weight: 0.08 },
  { queue: 'rescue', hotline: 'rescue', agents: ['1003'], weight: 0.08 },
  { queue: 'support', hotline: 'it-support', agents: ['1002', '1004'], weight: 0.07 },
] as const;
const AGENTS = ['1001', '1002', '1003', '1004'];
const REGIONS = [
  ['east-china', '+8621'],
  ['north-china', '+8610'],
  ['south-china', '+8620'],
  ['west-china', '+8628'],
] as const;
const TIERS = [
  ['none', 0.6],
  ['silver', 0.2],
  ['gold', 0.14],
  ['platinum', 0.06],
] as const;
/** Share of a day's calls per local hour, 08:00-20:00: a morning peak and an afternoon one. */
const HOURLY = [0, 0, 0, 0, 0, 0, 0, 0, 4, 9, 12, 11, 7, 8, 11, 10, 9, 7, 5, 4, 3, 0, 0, 0];
/** Monday first: Mondays are busiest, weekends quiet. */
const WEEKDAY = [1.25, 1.05, 1, 1, 0.95, 0.35, 0.25];

export function demoHistory(options: DemoHistoryOptions): DemoHistory {
  const random = seededRandom(options.seed ?? 20261207);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const weighted = <T>(items: readonly (readonly [T, number])[]) => {
    let r = random() * items.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of items) {
      r -= w;
      if (r <= 0) return v;
    }
    return items[items.length - 1]?.[0] as T;
  };
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  const tz = options.timeZone;
  const weeks = options.weeks ?? 8;
  const perWeekday = options.callsPerWeekday ?? 120;

  const today = new Date(options.nowMs).toLocaleDateString('en-CA', { timeZone: tz });
  const days: string[] = [];
  let day = new Date(Date.parse(`${today}T12:00:00Z`) - weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  while (day < today) {
    days.push(day);
    day = nextDate(day);
  }
  const holidays = Object.keys(calendars.cn.holidays);
  // A public holiday in the window if the calendar has one; otherwise the center closed one weekday.
  const holiday =
    days.find((d) => holidays.includes(d)) ?? days.find((d, i) => i >= 14 && weekdayOf(d, tz) <= 5);
  // The campaign runs in the second-to-last full week: its weekdays carry outbound calls.
  const campaignWeek = days.slice(-14, -7).filter((d) => weekdayOf(d, tz) <= 5);

  // A pool of callers so some call again within the day or the week.
  const callers = Array.from({ length: Math.max(200, perWeekday * 6) }, (_, i) => {
    const [region, prefix] = pick(REGIONS);
    return {
      phone: `${prefix}${String(5_000_000 + i * 37).padStart(8, '0')}`,
      region,
      tier: weighted(TIERS),
      language: random() < 0.8 ? 'zh' : 'en',
    };
  });
  const lastCall = new Map<string, number>();
  const events: NewCenterEvent[] = [];
  let calls = 0;
  let ticketNo = 0;

  for (const [dayIndex, d] of days.entries()) {
    const weekday = weekdayOf(d, tz);
    const trend = 1 + 0.01 * (dayIndex / 7); // a slowly growing center
    const closed = d === holiday;
    const campaign = campaignWeek.includes(d);
    const volume = Math.round(
      perWeekday * (WEEKDAY[weekday - 1] ?? 1) * trend * (closed ? 0.05 : campaign ? 1.3 : 1),
    );
    const midnight = localMidnight(d, tz);
    const total = HOURLY.reduce((s, w) => s + w, 0);
    const handledByAgent = new Map<string, { talk: number; wrap: number }[]>();

    for (let n = 0; n < volume; n++) {
      // The hour by the day's shape, then a moment within it.
      let r = random() * total;
      let hour = 8;
      for (let hh = 0; hh < 24; hh++) {
        r -= HOURLY[hh] ?? 0;
        if (r <= 0) {
          hour = hh;
          break;
        }
      }
      const startMs = midnight + hour * 3_600_000 + Math.floor(random() * 3_600_000);
      const caller = pick(callers);
      const { queue, hotline, agents } = weighted(QUEUES.map((q) => [q, q.weight] as const));
      const callSid = `CAdemo${d.replace(/-/g, '')}${String(n).padStart(5, '0')}`;
      const id = (what: string) => `demo:${callSid}:${what}`;
      const at = (ms: number) => new Date(ms).toISOString();
      const previous = lastCall.get(caller.phone);
      lastCall.set(caller.phone, startMs);
      const since = previous === undefined ? Number.POSITIVE_INFINITY : startMs - previous;
      const base = {
        callSid,
        hotline,
        region: caller.region,
        tier: caller.tier,
        language: caller.language,
        from: caller.phone,
      };
      calls += 1;
      events.push({
        id: id('received'),
        at: at(startMs),
        type: 'call.received',
        ...base,
        n: { repeat24h: since <= 86_400_000 ? 1 : 0, repeat7d: since <= 7 * 86_400_000 ? 1 : 0 },
      });
      if (closed) {
        events.push({
          id: id('voicemail'),
          at: at(startMs + 40_000),
          type: 'voicemail.left',
          ...base,
          queue,
        });
        continue;
      }
      const queuedMs = startMs + 25_000 + Math.floor(random() * 20_000);
      events.push({ id: id('queued'), at: at(queuedMs), type: 'call.queued', ...base, queue });
      // Peaks wait longer.
      const busy = (HOURLY[hour] ?? 0) >= 10 ? 2.2 : 1;
      const fate = random();
      if (fate < 0.07 * busy) {
        const wait = Math.round(5 + exp(35 * busy));
        events.push({
          id: id('abandoned'),
          at: at(queuedMs + wait * 1000),
          type: 'call.abandoned',
          ...base,
          queue,
          n: { waitSeconds: wait },
        });
        continue;
      }
      if (fate < 0.07 * busy + 0.03) {
        events.push({
          id: id('voicemail'),
          at: at(queuedMs + 60_000),
          type: 'voicemail.left',
          ...base,
          queue,
        });
        if (random() < 0.9)
          events.push({
            id: id('voicemail-handled'),
            at: at(queuedMs + 60_000 + Math.round(exp(3 * 3_600_000))),
            type: 'voicemail.handled',
            ...base,
            queue,
            agent: pick(agents),
            n: { handleSeconds: Math.round(exp(3 * 3600)) },
          });
        continue;
      }
      if (fate < 0.07 * busy + 0.06) {
        events.push({
          id: id('callback'),
          at: at(queuedMs + 50_000),
          type: 'callback.requested',
          ...base,
          queue,
        });
        if (random() < 0.85)
          events.push({
            id: id('callback-done'),
            at: at(queuedMs + 20 * 60_000),
            type: 'callback.completed',
            ...base,
            queue,
            agent: pick(agents),
          });
        continue;
      }
      const agent = pick(agents);
      const wait = Math.round(exp(6 * busy));
      let answeredMs = queuedMs + wait * 1000;
      if (random() < 0.04) {
        const missedBy = pick(AGENTS.filter((a) => a !== agent));
        events.push({
          id: id('missed'),
          at: at(queuedMs + 15_000),
          type: 'offer.missed',
          ...base,
          queue,
          agent: missedBy,
        });
        answeredMs += 15_000;
      }
      const waitSeconds = Math.round((answeredMs - queuedMs) / 1000);
      events.push({
        id: id('answered'),
        at: at(answeredMs),
        type: 'call.answered',
        ...base,
        queue,
        agent,
        n: { waitSeconds },
      });
      const talk = Math.round(60 + exp(150));
      const hold = random() < 0.15 ? Math.round(15 + exp(30)) : 0;
      const wrap = 30;
      const endMs = answeredMs + (talk + hold) * 1000;
      if (random() < 0.06)
        events.push({
          id: id('transfer'),
          at: at(endMs - 20_000),
          type: 'call.transferred',
          ...base,
          queue,
          agent,
        });
      events.push({
        id: id('handled'),
        at: at(endMs + wrap * 1000),
        type: 'call.handled',
        ...base,
        queue,
        agent,
        n: { talkSeconds: talk, holdSeconds: hold, wrapSeconds: wrap },
      });
      handledByAgent.set(agent, [...(handledByAgent.get(agent) ?? []), { talk: talk + hold, wrap }]);
      if (random() < 0.35) {
        events.push({ id: id('survey'), at: at(endMs + 60_000), type: 'survey.offered', ...base, agent });
        if (random() < 0.45) {
          const rating = weighted([
            [5, 0.5],
            [4, 0.3],
            [3, 0.1],
            [2, 0.05],
            [1, 0.05],
          ] as const);
          events.push({
            id: id('survey-answer'),
            at: at(endMs + 300_000),
            type: 'survey.answered',
            ...base,
            agent,
            n: { score: rating * 2 },
          });
        }
      }
      if (random() < 0.18) {
        ticketNo += 1;
        const ticket = `DEMO-${String(ticketNo).padStart(5, '0')}`;
        events.push({
          id: `demo:ticket:${ticket}:opened`,
          at: at(endMs),
          type: 'ticket.opened',
          callSid,
          ticket,
          agent,
          a: { ticketType: queue === 'claims' ? 'claim' : 'inquiry' },
        });
        if (random() < 0.03)
          events.push({
            id: `demo:ticket:${ticket}:escalated`,
            at: at(endMs + 3_600_000),
            type: 'ticket.escalated',
            callSid,
            ticket,
            agent,
          });
        if (random() < 0.8)
          events.push({
            id: `demo:ticket:${ticket}:solved`,
            at: at(endMs + Math.round(exp(30 * 3_600_000))),
            type: 'ticket.solved',
            callSid,
            ticket,
            agent,
            a: { withinSla: random() < 0.85 ? 'yes' : 'no' },
          });
      }
    }

    if (campaign)
      for (let n = 0; n < 60; n++) {
        const caller = pick(callers);
        const contact = random() < 0.55;
        events.push({
          id: `demo:outbound:${d}:${n}`,
          at: new Date(
            midnight + (10 + Math.floor(random() * 8)) * 3_600_000 + Math.floor(random() * 3_600_000),
          ).toISOString(),
          type: 'outbound.attempted',
          agent: pick(AGENTS),
          region: caller.region,
          tier: caller.tier,
          from: caller.phone,
          a: {
            outcome: contact ? 'contact' : 'no-contact',
            ...(contact && random() < 0.2 ? { converted: 'yes' } : {}),
          },
        });
      }

    // Each agent's day on weekdays: signed in 09:00-18:00 with a lunch break; wrap-up and the rest.
    if (!closed && weekday <= 5)
      for (const agent of AGENTS) {
        const worked = handledByAgent.get(agent) ?? [];
        const wrap = worked.reduce((s, w) => s + w.wrap, 0);
        for (let q = 0; q < 36; q++) {
          const start = midnight + 9 * 3_600_000 + q * 900_000;
          const lunch = q === 12 || q === 13;
          const state = lunch ? 'away' : 'available';
          const wrapHere = lunch ? 0 : Math.round(wrap / 34);
          const seconds = 900 - wrapHere;
          events.push({
            id: `demo:state:${agent}:${start}`,
            at: new Date(start).toISOString(),
            type: 'agent.state',
            agent,
            a: { state },
            n: { seconds },
          });
          if (wrapHere > 0)
            events.push({
              id: `demo:state:${agent}:${start}:wrap`,
              at: new Date(start).toISOString(),
              type: 'agent.state',
              agent,
              a: { state: 'wrap' },
              n: { seconds: wrapHere },
            });
        }
      }
  }
  return { events, calls, days, ...(holiday ? { holiday } : {}), campaignWeek };
}

function weekdayOf(date: string, timeZone: string): number {
  return localWeekdayHour(localMidnight(date, timeZone) + 12 * 3_600_000, timeZone).weekday;
}

/** Writes the history through the event path in batches, then rolls it up; reports what it wrote. */
export async function loadDemoHistory(
  history: History,
  options: DemoHistoryOptions & { readonly signal?: AbortSignal; readonly yieldMs?: number },
) {
  const made = demoHistory(options);
  const BATCH = 100;
  for (let i = 0; i < made.events.length; i += BATCH) {
    // A stack stopping mid-load stops here; the next start writes the rest (ids make it idempotent).
    if (options.signal?.aborted) return undefined;
    await history.record(made.events.slice(i, i + BATCH));
    // Give live requests a turn between batches: someone may place their first call while this runs.
    if (options.yieldMs) await new Promise((resolve) => setTimeout(resolve, options.yieldMs));
  }
  if (options.signal?.aborted) return undefined;
  const rolled = await history.rollUp(options.signal);
  if (options.signal?.aborted) return undefined;
  return { calls: made.calls, events: made.events.length, days: made.days.length, rolled };
}
