// Recordings: how many one worker ingests per minute on the local composition (twin media download, s3rver
// upload, read-back verification, metadata, Twilio delete), and the time from the status callback to a
// playable presigned URL. Each recording is a 60 s dual-channel WAV (~1.9 MB). Writes bench-results/recordings.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { startChannelStack } from '../channels/stack.js';
import { summarise } from './stats.js';

const RESULTS = new URL('../../bench-results/recordings.json', import.meta.url);
const COUNT = 40;

export async function run() {
  const s = await startChannelStack();
  try {
    const sids: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const call = await s.twilio.calls.create({
        to: `+86138001${String(30000 + i)}`,
        from: '+18005550100',
        twiml: `<Response><Dial record="record-from-answer-dual" recordingStatusCallback="${s.appBase()}/twilio/recording-status"><Number>+15550001111</Number></Dial></Response>`,
      });
      sids.push(call.sid);
    }
    await s.twin.idle();
    await s.clock.advance(60_000);
    // Callbacks arrive as calls end; the queue holds the jobs until the clock runs them.
    const t0 = performance.now();
    for (const sid of sids) await s.sim(`/calls/${sid}/hangup`, {});
    await s.drain();
    const elapsedMs = performance.now() - t0;
    const done = (
      await Promise.all(
        [...s.twin.voice.recordings.recordings.values()].map((r) => s.store.recordings.get(r.sid)),
      )
    ).filter((r) => r?.twilioDeletedAt);

    // Callback to playable, one at a time.
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const call = await s.twilio.calls.create({
        to: `+86139001${String(30000 + i)}`,
        from: '+18005550100',
        twiml: `<Response><Dial record="record-from-answer-dual" recordingStatusCallback="${s.appBase()}/twilio/recording-status"><Number>+15550001111</Number></Dial></Response>`,
      });
      await s.ts.store.calls.record({
        callSid: call.sid,
        direction: 'inbound',
        from: '+8613900000000',
        to: '+18005550100',
        startedAt: new Date(s.clock.now()).toISOString(),
        status: 'in-progress',
        agentId: '1001',
      });
      await s.twin.idle();
      await s.clock.advance(60_000);
      const start = performance.now();
      await s.sim(`/calls/${call.sid}/hangup`, {});
      await s.drain();
      const rec = [...s.twin.voice.recordings.recordings.values()].find((r) => r.callSid === call.sid);
      const play = await s.api('POST', `/recordings/${rec?.sid}/playback`, 'sup1');
      const audio = await fetch(play.body.url);
      await audio.arrayBuffer();
      if (audio.status !== 200) throw new Error(`playback ${audio.status}`);
      latencies.push(performance.now() - start);
    }
    const result = {
      recordings: COUNT,
      ingested: done.length,
      seconds: +(elapsedMs / 1000).toFixed(2),
      perMinute: Math.round((done.length / elapsedMs) * 60_000),
      bytesEach: done[0]?.sizeBytes,
      callbackToPlayableMs: summarise(latencies),
      note: 'one worker, local composition (twin + s3rver + dynalite) in one process; includes the webhook, read-back verification and the Twilio delete',
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(new URL('.', RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await s.stop();
  }
}
