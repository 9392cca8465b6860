// Audio takes time on the twin's clock (docs/twilio-behaviour.md §3.1-3.4): a <Say> its estimated speaking time,
// a <Play> the length of its file, a <Pause> its length, each times `loop`; a <Gather>'s timeout counts from the
// end of its prompts, and a key cuts them short. Keys pressed while nothing listens are lost [K].
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mp3File, wavFile } from '../../../infra/local/twin/voice/audio-files.js';
import { type Harness, startHarness, xml } from '../support/harness.js';

// 150 Latin characters (10 s at 15 a second) and 40 Han characters (10 s at 4 a second).
const TEN_SECONDS_EN = 'Thank you for calling. '.repeat(7).slice(0, 149).concat('.');
const TEN_SECONDS_ZH = '您好欢迎致电服务热线'.repeat(4);

let h: Harness;
let media: Server;
let mediaBase = '';
beforeAll(async () => {
  // Real WAV and MP3 bytes served from this machine, which the twin downloads and measures.
  media = createServer((req, res) => {
    const file =
      req.url === '/three-and-a-half.wav' ? wavFile(3.5) : req.url === '/four.mp3' ? mp3File(4) : null;
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': req.url?.endsWith('.wav') ? 'audio/wav' : 'audio/mpeg' }).end(file);
  });
  await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
  mediaBase = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => media.close(() => resolve())));
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

/** Places a call whose prompts the test plays itself (the sim does not hear them out). */
const callNow = (voicePath: string) => h.call(voicePath, {}, { listen: false });
const texts = async (sid: string) => (await h.view(sid)).heard.map((x: { text: string }) => x.text);

describe('<Say> takes its speaking time (§3.1)', () => {
  it('about 15 characters a second for Latin text, then the next verb runs', async () => {
    h.route('/voice', xml(`<Say>${TEN_SECONDS_EN}</Say><Say>next</Say>`));
    const sid = await callNow('/voice');
    await h.advance(9_999);
    expect(await texts(sid)).toEqual([TEN_SECONDS_EN]);
    await h.advance(1);
    expect(await texts(sid)).toEqual([TEN_SECONDS_EN, 'next']);
  });

  it('about 4 characters a second for Chinese, times loop', async () => {
    h.route('/voice', xml(`<Say language="cmn-CN" loop="2">${TEN_SECONDS_ZH}</Say><Say>next</Say>`));
    const sid = await callNow('/voice');
    await h.advance(19_999);
    expect((await texts(sid)).at(-1)).toBe(TEN_SECONDS_ZH);
    await h.advance(1);
    expect((await texts(sid)).at(-1)).toBe('next');
  });

  it('an SSML break adds its time', async () => {
    h.route('/voice', xml('<Say>Hello<break time="2s"/>there</Say><Say>next</Say>'));
    const sid = await callNow('/voice');
    await h.advance(2_000 + 666); // "Hellothere" is 10 characters: 667 ms, plus the 2-second break
    expect((await texts(sid)).at(-1)).toBe('Hellothere');
    await h.advance(1);
    expect((await texts(sid)).at(-1)).toBe('next');
  });
});

describe('<Play> takes the length of its file (§3.2)', () => {
  it('a WAV served from this machine plays for its measured length, times loop', async () => {
    h.route('/voice', xml(`<Play loop="2">${mediaBase}/three-and-a-half.wav</Play><Say>next</Say>`));
    const sid = await callNow('/voice');
    await h.advance(6_999);
    expect((await texts(sid)).at(-1)).toContain('.wav');
    await h.advance(1);
    expect((await texts(sid)).at(-1)).toBe('next');
  });

  it('an MP3 plays for the length of its frames', async () => {
    // 4 s of 1,152-sample frames at 44.1 kHz rounds up to 154 frames: 4.023 s.
    h.route('/voice', xml(`<Play>${mediaBase}/four.mp3</Play><Say>next</Say>`));
    const sid = await callNow('/voice');
    await h.advance(4_022);
    expect((await texts(sid)).at(-1)).toContain('.mp3');
    await h.advance(1);
    expect((await texts(sid)).at(-1)).toBe('next');
  });

  it('a file the twin cannot read (another host, a missing file) plays for the 10-second default', async () => {
    h.route(
      '/voice',
      xml(`<Play>https://x.example/a.mp3</Play><Play>${mediaBase}/missing.wav</Play><Say>next</Say>`),
    );
    const sid = await callNow('/voice');
    await h.advance(19_999);
    expect((await texts(sid)).at(-1)).toContain('missing.wav');
    await h.advance(1);
    expect((await texts(sid)).at(-1)).toBe('next');
  });

  it("the twin's own recording plays for its recorded length", async () => {
    h.route('/voice', xml('<Record action="/recorded" timeout="2" playBeep="false"/>'));
    h.route('/recorded', (p) => xml(`<Play>${p.RecordingUrl}</Play><Say>next</Say>`));
    const sid = await callNow('/voice');
    await h.advance(3_000); // the caller talks for three seconds, then falls silent
    await h.sim(`/calls/${sid}/input`, { speech: 'a message', listen: false });
    await h.advance(2_000); // the silence timeout ends the recording
    const url = h.at('/recorded')[0]?.params.RecordingUrl as string;
    const seconds = Number(h.at('/recorded')[0]?.params.RecordingDuration);
    expect(seconds).toBe(3);
    expect((await texts(sid)).at(-1)).toBe(url);
    await h.advance(seconds * 1000 - 1);
    expect((await texts(sid)).at(-1)).toBe(url);
    await h.advance(1);
    expect((await texts(sid)).at(-1)).toBe('next');
  });
});

describe('<Pause> (§3.3)', () => {
  it('the clock reads start + length when the next verb runs', async () => {
    h.route('/voice', xml('<Pause length="4"/><Say>after</Say>'));
    const start = h.clock.now();
    const sid = await callNow('/voice');
    await h.advance(3_999);
    expect(await texts(sid)).toEqual([]);
    await h.advance(1);
    expect(await texts(sid)).toEqual(['after']);
    expect((await h.view(sid)).heard).toHaveLength(1);
    expect(h.clock.now() - start).toBe(4_000);
  });
});

describe('<Gather> and its prompts (§3.4)', () => {
  it('the timeout fires 5 s after a 10-second prompt ends, not 5 s after it starts', async () => {
    h.route(
      '/voice',
      xml(`<Gather action="/g" actionOnEmptyResult="true"><Say>${TEN_SECONDS_EN}</Say></Gather>`),
    );
    h.route('/g', xml('<Hangup/>'));
    await callNow('/voice');
    await h.advance(5_000);
    expect(h.at('/g')).toHaveLength(0);
    await h.advance(9_999);
    expect(h.at('/g')).toHaveLength(0);
    await h.advance(1);
    expect(h.at('/g')).toHaveLength(1);
  });

  it('a key during the prompt stops it (barge-in) and the rest of the prompts are not played', async () => {
    h.route(
      '/voice',
      xml(`<Gather action="/g" numDigits="1"><Say>${TEN_SECONDS_EN}</Say><Say>never</Say></Gather>`),
    );
    h.route('/g', xml('<Hangup/>'));
    const start = h.clock.now();
    const sid = await callNow('/voice');
    await h.advance(3_000);
    const res = await h.sim(`/calls/${sid}/input`, { digits: '4', listen: false });
    expect(res.body.accepted).toBe(true);
    expect(h.at('/g')[0]?.params.Digits).toBe('4');
    expect(await texts(sid)).toEqual([TEN_SECONDS_EN]);
    expect(h.clock.now() - start).toBe(3_000);
  });

  it('a key pressed during a prompt outside any Gather is lost [K]', async () => {
    h.route(
      '/voice',
      xml(
        `<Say>${TEN_SECONDS_EN}</Say><Gather action="/g" numDigits="1" timeout="3"><Say>Press</Say></Gather>`,
      ),
    );
    h.route('/g', xml('<Hangup/>'));
    const sid = await callNow('/voice');
    await h.advance(2_000);
    const res = await h.sim(`/calls/${sid}/input`, { digits: '4', listen: false });
    expect(res.body.accepted).toBe(false);
    await h.advance(8_000 + 333 + 3_000); // the Say ends, then "Press", then the Gather's timeout
    expect(h.at('/g')).toHaveLength(0);
    expect((await h.view(sid)).status).toBe('completed');
  });
});

describe('the sim plays prompts out on a frozen clock', () => {
  it('a placed call returns at the Gather countdown, with the clock moved by the prompts', async () => {
    h.route(
      '/voice',
      xml(
        `<Say>${TEN_SECONDS_EN}</Say><Gather action="/g" numDigits="1"><Say>${TEN_SECONDS_EN}</Say></Gather>`,
      ),
    );
    h.route('/g', xml('<Say>Thanks</Say><Hangup/>'));
    const start = h.clock.now();
    const sid = await h.call('/voice');
    expect(h.clock.now() - start).toBe(20_000);
    expect((await h.view(sid)).waitingFor).toBe('input');
    // Pressing, the caller hears the reply out: "Thanks" (400 ms) and the call ends.
    const res = await h.sim(`/calls/${sid}/input`, { digits: '1' });
    expect(res.body.accepted).toBe(true);
    expect(res.body.status).toBe('completed');
    expect(h.clock.now() - start).toBe(20_400);
  });

  it('a patient caller waits for the Gather before pressing; listen "before" leaves the reply playing', async () => {
    h.route(
      '/voice',
      xml(`<Say>${TEN_SECONDS_EN}</Say><Gather action="/g" numDigits="1"><Say>Press</Say></Gather>`),
    );
    h.route('/g', xml('<Say>Thanks</Say><Hangup/>'));
    const start = h.clock.now();
    const sid = await callNow('/voice');
    const res = await h.sim(`/calls/${sid}/input`, { digits: '1', listen: 'before' });
    expect(res.body.accepted).toBe(true);
    expect(h.clock.now() - start).toBe(10_000); // pressed as "Press" began, cutting it short
    expect(res.body.status).toBe('in-progress'); // "Thanks" is still being said
    const heard = await h.sim(`/calls/${sid}/listen`, {});
    expect(heard.body.playedMs).toBe(400);
    expect(heard.body.status).toBe('completed');
  });
});
