// The recording's kind and length come from its bytes: WAV PCM and MP3 pass with their playing time; text,
// compressed WAV, a truncated file or an MP3 cut mid-frame are refused with the reason.
import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../../functions/domain/prompts/audio-probe.js';
import { mp3Bytes, wavBytes } from '../../support/audio-files.js';

describe('probeAudio', () => {
  it('reads a PCM WAV and its length', () => {
    expect(probeAudio(wavBytes(2.5))).toEqual({ ok: true, format: 'wav', seconds: 2.5 });
    expect(probeAudio(wavBytes(1, 44_100))).toEqual({ ok: true, format: 'wav', seconds: 1 });
  });

  it('reads an MP3 frame by frame, after an ID3 tag too', () => {
    const mp3 = probeAudio(mp3Bytes(3));
    expect(mp3).toMatchObject({ ok: true, format: 'mp3' });
    expect(mp3.ok && mp3.seconds).toBeCloseTo(3, 1);
    const tag = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5]);
    const tagged = new Uint8Array([...tag, ...mp3Bytes(1)]);
    expect(probeAudio(tagged)).toMatchObject({ ok: true, format: 'mp3' });
  });

  it('refuses text, a compressed WAV and damaged files, naming why', () => {
    expect(probeAudio(new TextEncoder().encode('hello, this is not a recording\n'))).toEqual({
      ok: false,
      reason: 'not-audio',
    });
    expect(probeAudio(wavBytes(1, 8000, 3))).toEqual({ ok: false, reason: 'not-pcm' });
    expect(probeAudio(wavBytes(1).subarray(0, 4000))).toEqual({ ok: false, reason: 'corrupt-audio' });
    expect(probeAudio(mp3Bytes(1).subarray(0, 1000))).toEqual({ ok: false, reason: 'corrupt-audio' });
    const junkAfter = new Uint8Array([...mp3Bytes(1), ...new TextEncoder().encode('trailing words')]);
    expect(probeAudio(junkAfter)).toEqual({ ok: false, reason: 'corrupt-audio' });
  });
});
