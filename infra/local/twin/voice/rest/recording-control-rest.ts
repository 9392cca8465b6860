// REST pause/resume/stop of a live call recording (docs/twilio-behaviour.md §5.1 item 4): `POST …/Calls/{CA}/Recordings/
// {RE|Twilio.CURRENT}.json` with Status=paused|in-progress|stopped and PauseBehavior=skip|silence (default
// silence). Live recordings in the twin are those of a whole call (Calls.create `Record`, a participant's
// `Record`, the conference instruction's `record`), owned by that call; a call without one answers 404.
// <Dial record> and <Record> recordings only exist once their span ends, so Twilio.CURRENT finds none while
// they run (a deviation).
import type { Hono } from 'hono';
import { param, readParams, TwilioRestError } from '../../rest-common.js';
import type { VoiceEngine } from '../engine.js';
import type { Recording } from '../recordings.js';
import { renderRecording } from './render.js';

const STATUSES = ['paused', 'in-progress', 'stopped'] as const;
type Control = (typeof STATUSES)[number];

/** The pause state kept beside each live recording (the shared Recording type has no `paused`). */
const paused = new WeakMap<Recording, { readonly behavior: 'skip' | 'silence'; readonly since: number }>();

export function recordingPause(rec: Recording) {
  return paused.get(rec);
}

export function mountRecordingControl(app: Hono, engine: VoiceEngine): void {
  const ac = engine.accountSid;
  const store = engine.recordings;

  app.post('/Calls/:call/Recordings/:file', async (c) => {
    const callSid = c.req.param('call');
    const id = c.req.param('file').replace(/\.json$/, '');
    const call = engine.calls.get(callSid);
    const notFound = () =>
      new TwilioRestError(404, 20404, `The requested resource ${c.req.path} was not found`);
    if (!call) throw notFound();
    const p = await readParams(c);
    const status = param(p, 'Status') as Control | undefined;
    if (!status || !STATUSES.includes(status))
      throw new TwilioRestError(400, 20001, 'Status must be one of paused, in-progress, stopped');
    const behavior = param(p, 'PauseBehavior') ?? 'silence';
    if (behavior !== 'skip' && behavior !== 'silence')
      throw new TwilioRestError(400, 20001, 'PauseBehavior must be skip or silence');

    const owner = call.parentCallSid ?? call.sid;
    const live = [...store.recordings.values()].filter(
      (r) => r.callSid === owner && r.status === 'in-progress',
    );
    const rec = id === 'Twilio.CURRENT' ? live.at(-1) : live.find((r) => r.sid === id);
    if (!rec) {
      const known = store.recordings.get(id);
      // A finished recording can no longer be changed; an unknown one does not exist.
      if (known && known.callSid === owner)
        throw new TwilioRestError(400, 21220, `Recording ${id} is not in progress`);
      throw notFound();
    }

    if (status === 'paused') {
      if (!paused.has(rec)) paused.set(rec, { behavior, since: engine.clock.now() });
    } else paused.delete(rec);
    if (status === 'stopped') engine.recordings.finishCallRecording(call);
    engine.ctx.log.append({ kind: 'rest', summary: `recording ${rec.sid} ${status}` });
    rec.dateUpdated = engine.clock.now();
    const view = renderRecording(ac, rec, `${store.mediaUrl(rec.sid)}.wav`);
    return c.json({ ...view, status: status === 'stopped' ? rec.status : status });
  });
}
