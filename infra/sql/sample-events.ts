// Made-up but plausible calls as center events, archived through the real use case into a folder: the
// fixture of the SQL tests and the data of the query benchmark. Seeded, so the same arguments always make
// the same files.

import { archiveInterval } from '../../functions/app/history-archive.js';
import { type CenterEvent, intervalOf, versioned } from '../../functions/domain/history/event.js';
import type { EventArchive } from '../../functions/domain/history/ports.js';
import { seededRandom } from '../local/demo/seeded-random.js';

export interface SampleOptions {
  /** ISO UTC instant of the first call; calls spread evenly over `days` from there. */
  readonly from: string;
  readonly days: number;
  readonly calls: number;
  /** @default 1 */
  readonly seed?: number;
}

export const SAMPLE_HOTLINES = ['+8640012345678', '+862161234567'] as const;
export const SAMPLE_AGENTS = ['ann', 'bob', 'cai', 'dan', 'eve'] as const;

/**
 * Each call is received and queued; one in eight callers hangs up in the queue, the rest are answered
 * (sometimes after a missed offer) and handled. A pool of callers a tenth the size of the calls makes
 * repeat callers.
 */
export function sampleEvents(options: SampleOptions): CenterEvent[] {
  const rnd = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const start = Date.parse(options.from);
  const span = options.days * 86_400_000;
  const callers = Math.max(1, Math.floor(options.calls / 10));
  const events: CenterEvent[] = [];
  for (let i = 0; i < options.calls; i++) {
    const callSid = `CA${i.toString(16).padStart(32, '0')}`;
    const t0 = start + Math.floor((i * span) / options.calls);
    const hotline = pick(SAMPLE_HOTLINES);
    const from = `+86139${Math.floor(rnd() * callers)
      .toString()
      .padStart(8, '0')}`;
    const base = { callSid, hotline, from, queue: hotline === SAMPLE_HOTLINES[0] ? 'warranty' : 'rescue' };
    const at = (ms: number) => new Date(ms).toISOString();
    const add = (suffix: string, ms: number, rest: Partial<CenterEvent> & Pick<CenterEvent, 'type'>) =>
      events.push(versioned({ id: `${callSid}:${suffix}`, at: at(ms), ...base, ...rest }));
    add('received', t0, { type: 'call.received' });
    const queuedAt = t0 + 20_000;
    add('queued', queuedAt, { type: 'call.queued' });
    const wait = 5 + Math.floor(rnd() * 120);
    if (rnd() < 0.125) {
      add('abandoned', queuedAt + wait * 1000, { type: 'call.abandoned', n: { waitSeconds: wait } });
      continue;
    }
    let agent = pick(SAMPLE_AGENTS);
    if (rnd() < 0.1) {
      add(`missed:${agent}`, queuedAt + 10_000, { type: 'offer.missed', agent });
      agent = pick(SAMPLE_AGENTS.filter((a) => a !== agent));
    }
    const answeredAt = queuedAt + wait * 1000;
    add('answered', answeredAt, { type: 'call.answered', agent, n: { waitSeconds: wait } });
    const talk = 60 + Math.floor(rnd() * 400);
    const hold = rnd() < 0.2 ? Math.floor(rnd() * 60) : 0;
    const wrap = 10 + Math.floor(rnd() * 50);
    add('handled', answeredAt + (talk + hold + wrap) * 1000, {
      type: 'call.handled',
      agent,
      n: { talkSeconds: talk, holdSeconds: hold, wrapSeconds: wrap },
      a: { disposition: pick(['resolved', 'follow-up', 'info']) },
    });
  }
  return events;
}

/** Archives the events interval by interval, as the minute job does; returns the number of files. */
export async function archiveSample(events: readonly CenterEvent[], archive: EventArchive): Promise<number> {
  const byInterval = new Map<string, CenterEvent[]>();
  for (const e of events) {
    const start = intervalOf(e.at);
    const list = byInterval.get(start) ?? [];
    list.push(e);
    byInterval.set(start, list);
  }
  const log = { inInterval: async (start: string) => byInterval.get(start) ?? [] };
  let files = 0;
  for (const start of [...byInterval.keys()].sort()) {
    const out = await archiveInterval({ log, archive }, start);
    if (out.written) files++;
  }
  return files;
}
