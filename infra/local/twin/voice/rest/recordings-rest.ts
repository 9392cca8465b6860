// REST Recordings (docs/twilio-behaviour.md §5.3): fetch, list (all, by CallSid, per call), media as WAV by default or with
// .wav/.mp3, DELETE keeping soft-deleted metadata (IncludeSoftDeleted=true) while media is gone.
import type { Context, Hono } from 'hono';
import { TwilioRestError } from '../../rest-common.js';
import { mp3File, wavFile } from '../audio-files.js';
import type { VoiceEngine } from '../engine.js';
import type { Recording } from '../recordings.js';
import { listPage } from './paging.js';
import { renderRecording } from './render.js';

export function mountRecordings(app: Hono, engine: VoiceEngine): void {
  const ac = engine.accountSid;
  const store = engine.recordings;
  const render = (r: Recording) => renderRecording(ac, r, `${store.mediaUrl(r.sid)}.wav`);
  const visible = (c: Context, r: Recording) =>
    r.status !== 'deleted' || c.req.query('IncludeSoftDeleted') === 'true';

  const list = (c: Context, callSid?: string) => {
    const byCall = callSid ?? c.req.query('CallSid');
    const items = [...store.recordings.values()]
      .filter((r) => visible(c, r) && (!byCall || r.callSid === byCall))
      .filter((r) => !c.req.query('ConferenceSid') || r.conferenceSid === c.req.query('ConferenceSid'))
      .reverse();
    return c.json(listPage(c, 'recordings', items, render));
  };
  app.get('/Recordings.json', (c) => list(c));
  app.get('/Calls/:call/Recordings.json', (c) => list(c, c.req.param('call')));

  const serve = (c: Context, file: string) => {
    const m = /^(RE[0-9a-f]{32})(\.json|\.wav|\.mp3)?$/.exec(file);
    const rec = m?.[1] ? store.recordings.get(m[1]) : undefined;
    if (!m || !rec || !visible(c, rec) || (rec.status === 'deleted' && m[2] !== '.json')) {
      throw new TwilioRestError(404, 20404, `The requested resource ${file} was not found`);
    }
    if (m[2] === '.json') return c.json(render(rec));
    if (rec.status !== 'completed') throw new TwilioRestError(404, 20404, 'The recording is not ready');
    const audio = m[2] === '.mp3' ? mp3File(rec.duration) : wavFile(rec.duration, rec.channels);
    return c.body(new Uint8Array(audio), 200, {
      'Content-Type': m[2] === '.mp3' ? 'audio/mpeg' : 'audio/x-wav',
      'Content-Length': String(audio.length),
    });
  };
  app.get('/Recordings/:file', (c) => serve(c, c.req.param('file')));
  app.get('/Calls/:call/Recordings/:file', (c) => serve(c, c.req.param('file')));

  const remove = (c: Context, file: string) => {
    const rec = store.recordings.get(file.replace(/\.json$/, ''));
    if (!rec || rec.status === 'deleted')
      throw new TwilioRestError(404, 20404, `The requested resource ${file} was not found`);
    store.softDelete(rec);
    return c.body(null, 204);
  };
  app.delete('/Recordings/:file', (c) => remove(c, c.req.param('file')));
  app.delete('/Calls/:call/Recordings/:file', (c) => remove(c, c.req.param('file')));
}
