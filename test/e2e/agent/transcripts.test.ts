// A recorded call gets its transcript on the local stack: the simulated call carries scripted speech for
// the customer and the agent, the recording job stores the dual-channel recording and starts its
// transcription (the twin's Intelligence), and the agent reads the transcript with both channels, their
// times and the phrase checks' flags (here: the agent said "不知道" and never thanked the caller).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentHarness, type Session, startAgents } from './support.js';

let h: AgentHarness;
let a1002: Session;

beforeAll(async () => {
  h = await startAgents();
  a1002 = await h.as('1002');
  await h.party('1002', 'answer');
}, 60_000);
afterAll(() => h.stop());

interface Transcript {
  state: string;
  sentences: { speaker: string; startSeconds: number; text: string }[];
  flags: { kind: string; ruleId: string; atSeconds?: number }[];
}

describe('transcripts of recorded calls', () => {
  it('turns a call with scripted speech into a two-channel transcript with flags', async () => {
    await a1002.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    const scripted = await fetch(`${h.stack.url}/sim/calls/${sid}/script`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        lines: [
          { channel: 2, at: 0.5, text: '您好，工号 1002。' },
          { channel: 1, at: 3, text: '我的保单查不到了。' },
          { channel: 2, at: 6, text: '这个我不知道。请问还有什么可以帮到您？' },
        ],
      }),
    });
    expect(scripted.status).toBe(200);
    await h.advance(12);
    await h.hangup(sid);
    await h.advance(1);
    await h.stack.channels.queue.idle();
    const call = await h.stack.store.calls.get(sid);
    const recordingSid = call?.recordingSids[0];
    if (!recordingSid) throw new Error('no recording stored');
    expect((await h.stack.store.quality.getTranscript(recordingSid))?.state).toBe('pending');

    const transcript = await a1002.get<Transcript>(`/quality/recordings/${recordingSid}/transcript`);
    expect(transcript.state).toBe('ready');
    expect(transcript.sentences.map((s) => [s.speaker, s.startSeconds, s.text])).toEqual([
      ['agent', 0.5, '您好，工号 1002。'],
      ['customer', 3, '我的保单查不到了。'],
      ['agent', 6, '这个我不知道。请问还有什么可以帮到您？'],
    ]);
    expect(transcript.flags.map((f) => `${f.kind}:${f.ruleId}`)).toEqual([
      'prohibited:dont-know',
      'missing:thanks',
    ]);
  });
});
