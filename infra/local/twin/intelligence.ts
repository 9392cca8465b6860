// The twin's Conversational Intelligence (the transcription port's local side): a simulated call carries
// scripted speech per channel (POST /sim/calls/{sid}/script), and a transcript created for that call
// (CustomerKey = its CallSid) is completed at once with those lines as its sentences, in Twilio's JSON
// shapes (/intelligence/v2/Transcripts and its Sentences). No audio is listened to.
import { Hono } from 'hono';
import { newSid } from './rest-common.js';

export interface ScriptLine {
  readonly channel: 1 | 2;
  /** Seconds from the start of the call's recording. */
  readonly atSeconds: number;
  readonly seconds: number;
  readonly text: string;
}

export interface IntelligenceTwin {
  /** Mount at `<twin>/intelligence`. */
  readonly api: Hono;
  /** Mount at `/sim`. */
  readonly sim: Hono;
  readonly scripts: Map<string, ScriptLine[]>;
}

function line(raw: unknown): ScriptLine | undefined {
  const l = raw as Record<string, unknown>;
  const channel = l.channel === 1 || l.channel === 2 ? l.channel : undefined;
  if (!channel || typeof l.at !== 'number' || l.at < 0 || typeof l.text !== 'string' || !l.text.trim())
    return undefined;
  const seconds = typeof l.seconds === 'number' && l.seconds > 0 ? l.seconds : 2;
  return { channel, atSeconds: l.at, seconds, text: l.text };
}

export function createIntelligenceTwin(): IntelligenceTwin {
  const scripts = new Map<string, ScriptLine[]>();
  const transcripts = new Map<string, { sid: string; lines: ScriptLine[] }>();

  const api = new Hono();
  api.post('/v2/Transcripts', async (c) => {
    const form = await c.req.parseBody();
    const key = typeof form.CustomerKey === 'string' ? form.CustomerKey : '';
    if (typeof form.ServiceSid !== 'string' || typeof form.Channel !== 'string')
      return c.json({ code: 20001, message: 'ServiceSid and Channel are required', status: 400 }, 400);
    const sid = newSid('GT');
    transcripts.set(sid, { sid, lines: [...(scripts.get(key) ?? [])] });
    return c.json({ sid, status: 'queued', customer_key: key }, 201);
  });
  api.get('/v2/Transcripts/:sid', (c) => {
    const t = transcripts.get(c.req.param('sid'));
    if (!t) return c.json({ code: 20404, message: 'not found', status: 404 }, 404);
    return c.json({ sid: t.sid, status: 'completed' });
  });
  api.get('/v2/Transcripts/:sid/Sentences', (c) => {
    const t = transcripts.get(c.req.param('sid'));
    if (!t) return c.json({ code: 20404, message: 'not found', status: 404 }, 404);
    const sentences = [...t.lines]
      .sort((a, b) => a.atSeconds - b.atSeconds)
      .map((l, i) => ({
        media_channel: l.channel,
        sentence_index: i,
        start_time: String(l.atSeconds),
        end_time: String(l.atSeconds + l.seconds),
        transcript: l.text,
        sid: newSid('GX'),
      }));
    return c.json({ sentences, meta: { next_page_url: null } });
  });

  const sim = new Hono();
  sim.post('/calls/:sid/script', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { lines?: unknown };
    const raw = Array.isArray(body.lines) ? body.lines : undefined;
    const lines = raw?.map(line);
    if (!raw || !lines || lines.some((l) => !l))
      return c.json(
        {
          error: 'lines: each needs channel 1 (customer) or 2 (agent), at (seconds, >= 0) and text',
          field: 'lines',
        },
        400,
      );
    const sid = c.req.param('sid');
    scripts.set(sid, [...(scripts.get(sid) ?? []), ...(lines as ScriptLine[])]);
    return c.json({ callSid: sid, lines: scripts.get(sid) });
  });

  return { api, sim, scripts };
}
