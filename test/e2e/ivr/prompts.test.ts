// Recorded prompts and hold music through the API and the twin (warranty line, Monday 10:00 Shanghai): an
// upload is judged from its bytes; a recording assigned to the warranty greeting plays in place of the
// spoken greeting, and the speech comes back when the assignment goes or the recording leaves the library;
// the queue's assigned hold music plays while the caller waits; a recording in use cannot be deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flows } from '../../../flows/index.js';
import { PROMPT_LIBRARY_SETTING } from '../../../functions/domain/prompts/prompt-library.js';
import { mp3Bytes, wavBytes } from '../../support/audio-files.js';
import { type IvrHarness, startIvr } from './support.js';

let h: IvrHarness;
let admin: string;
const GREETING = (flows.warranty?.states.greet as { say: { zh: string } } | undefined)?.say.zh ?? '';

beforeAll(async () => {
  h = await startIvr('2026-03-02T02:00:00Z');
  const login = await fetch(`${h.stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'admin', password: 'demo-admin' }),
  });
  admin = ((await login.json()) as { token: string }).token;
});
afterAll(() => h.stop());

const api = (method: string, path: string, body?: unknown) =>
  fetch(`${h.stack.url}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${admin}`,
      ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
  });

function upload(bytes: Uint8Array, fileName: string, language = 'zh') {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(bytes)]), fileName);
  form.append('language', language);
  return api('POST', '/admin/prompts', form);
}

async function refusal(res: Response): Promise<{ path: string; code: string; message: string }> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { issues: { path: string; code: string; message: string }[] };
  expect(body.issues).toHaveLength(1);
  return body.issues[0] as { path: string; code: string; message: string };
}

let greeting = '';
let music = '';
let english = '';

describe('the prompt library', () => {
  it('takes a WAV and an MP3, judged from their bytes, with their length', async () => {
    const wav = await upload(wavBytes(2), 'greeting.wav');
    expect(wav.status).toBe(201);
    const saved = (await wav.json()) as {
      id: string;
      format: string;
      durationSeconds: number;
      uploadedBy: string;
    };
    expect(saved).toMatchObject({ format: 'wav', durationSeconds: 2, uploadedBy: 'admin', language: 'zh' });
    greeting = saved.id;
    const mp3 = await upload(mp3Bytes(5), 'hold-music.bin');
    expect(mp3.status).toBe(201);
    music = ((await mp3.json()) as { id: string; format: string }).id;
    const en = await upload(wavBytes(1.5), 'welcome-en.wav', 'en');
    english = ((await en.json()) as { id: string }).id;
    const list = (await (await api('GET', '/admin/prompts')).json()) as {
      items: { id: string; format: string }[];
    };
    expect(list.items.map((p) => p.id).sort()).toEqual([greeting, music, english].sort());
    expect(list.items.find((p) => p.id === music)?.format).toBe('mp3');
    // The browser plays it from a presigned URL: the very bytes uploaded.
    const { url } = (await (await api('GET', `/admin/prompts/${greeting}/audio`)).json()) as { url: string };
    expect(new Uint8Array(await (await fetch(url)).arrayBuffer())).toEqual(wavBytes(2));
    const audit = await h.stack.store.audit.byActor('admin');
    expect(audit.items.find((e) => e.action === 'prompts.upload' && e.target === greeting)).toBeDefined();
  });

  it('refuses a text file named .wav, a recording too long or too short, and one too large, saying why', async () => {
    const text = await refusal(await upload(new TextEncoder().encode('not a recording at all'), 'fake.wav'));
    expect(text).toMatchObject({ path: 'body.file', code: 'not-audio' });
    expect(text.message).toContain('WAV');
    const long = await refusal(await upload(wavBytes(121), 'speech.wav'));
    expect(long).toMatchObject({ path: 'body.file', code: 'too-long' });
    expect(long.message).toContain('120 s');
    expect(await refusal(await upload(wavBytes(0.2), 'click.wav'))).toMatchObject({ code: 'too-short' });
    expect(await refusal(await upload(wavBytes(100, 48_000), 'big.wav'))).toMatchObject({
      code: 'too-large',
    });
    expect(await refusal(await upload(wavBytes(2).subarray(0, 3000), 'cut.wav'))).toMatchObject({
      code: 'corrupt-audio',
    });
    const noLanguage = await upload(wavBytes(2), 'x.wav', 'fr');
    expect(noLanguage.status).toBe(400);
    expect(JSON.stringify(await noLanguage.json())).toContain('body.language');
  });
});

describe('assignments', () => {
  it('refuses an unknown flow, step, queue or recording, and a recording in another language', async () => {
    const res = await api('PUT', '/admin/prompt-assignments', {
      flows: {
        nowhere: { greet: { zh: greeting } },
        warranty: {
          noSuchStep: { zh: greeting },
          greetKnown: { zh: greeting },
          greet: { en: greeting, zh: '00000000-0000-4000-8000-000000000000' },
        },
      },
      hold: { lounge: { zh: music } },
    });
    expect(res.status).toBe(400);
    const { issues } = (await res.json()) as { issues: { path: string; code: string }[] };
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['body.flows.nowhere', 'unknown-hotline'],
      ['body.flows.warranty.noSuchStep', 'unknown-state'],
      ['body.flows.warranty.greetKnown', 'prompt-reads-values'],
      ['body.flows.warranty.greet.zh', 'unknown-prompt'],
      ['body.flows.warranty.greet.en', 'language-mismatch'],
      ['body.hold.lounge', 'unknown-queue'],
    ]);
  });

  it('plays the assigned greeting instead of speaking it, and speaks it again when unassigned', async () => {
    const unassigned = await h.call('+8613911110001');
    expect((await h.view(unassigned)).heard[0]).toMatchObject({ verb: 'say', text: GREETING });
    await h.hangup(unassigned);

    const set = await api('PUT', '/admin/prompt-assignments', {
      flows: { warranty: { greet: { zh: greeting, en: english } } },
      hold: {},
    });
    expect(set.status).toBe(200);
    const sid = await h.call('+8613911110002');
    const heard = (await h.view(sid)).heard;
    expect(heard[0]?.verb).toBe('play');
    expect(heard[0]?.text).toContain(`prompts/${greeting}.wav`);
    expect(heard.map((x) => x.text)).not.toContain(GREETING);
    await h.hangup(sid);

    // The recording in use cannot be deleted.
    const del = await api('DELETE', `/admin/prompts/${greeting}`);
    expect(del.status).toBe(409);
    expect(await del.json()).toMatchObject({ error: 'prompt-in-use', usedBy: ['warranty.greet.zh'] });

    // Taken out of the library behind the console's back: the caller hears the speech, not silence.
    const library = await h.stack.store.settings.get<{ items: { id: string }[] }>(PROMPT_LIBRARY_SETTING);
    await h.stack.store.settings.put(PROMPT_LIBRARY_SETTING, {
      items: library?.items.filter((p) => p.id !== greeting),
    });
    const gone = await h.call('+8613911110003');
    expect((await h.view(gone)).heard[0]).toMatchObject({ verb: 'say', text: GREETING });
    await h.hangup(gone);
    await h.stack.store.settings.put(PROMPT_LIBRARY_SETTING, library);

    // Version 1 of the setting is the greeting; clearing it and restoring version 1 brings it back.
    expect((await api('PUT', '/admin/prompt-assignments', { flows: {}, hold: {} })).status).toBe(200);
    const cleared = await h.call('+8613911110004');
    expect((await h.view(cleared)).heard[0]).toMatchObject({ verb: 'say', text: GREETING });
    await h.hangup(cleared);
    const history = (await (await api('GET', '/admin/settings/prompt-assignments/history')).json()) as {
      items: { version: number }[];
    };
    expect(history.items.map((v) => v.version)).toEqual([2, 1]);
    expect((await api('POST', '/admin/settings/prompt-assignments/restore', { version: 1 })).status).toBe(
      200,
    );
    const restored = await h.call('+8613911110005');
    expect((await h.view(restored)).heard[0]?.text).toContain(`prompts/${greeting}.wav`);
    await h.hangup(restored);
  });

  it('plays the queue’s assigned hold music while the caller waits', async () => {
    const current = (await (await api('GET', '/admin/prompt-assignments')).json()) as object;
    const set = await api('PUT', '/admin/prompt-assignments', {
      ...current,
      hold: { general: { zh: music } },
    });
    expect(set.status).toBe(200);
    const sid = await h.call('+8613911110006');
    await h.press(sid, '1');
    await h.press(sid, '7');
    expect((await h.listen(sid, 'input')).queueSid).not.toBeNull();
    // The music follows the offer of a callback, between the announcements.
    await h.advance(15);
    const view = await h.view(sid);
    const plays = view.heard.filter((x) => x.verb === 'play').map((x) => x.text);
    expect(plays.some((url) => url.includes(`prompts/${music}.mp3`))).toBe(true);
    await h.hangup(sid);
  });
});
