// The rules that turn audio into clock time (docs/twilio-behaviour.md §3.1, §3.2): speaking-time estimates for
// Latin and CJK text, SSML breaks, <Play digits>, and the measured length of WAV and MP3 bytes.
import { describe, expect, it } from 'vitest';
import { mp3File, wavFile } from '../../../infra/local/twin/voice/audio-files.js';
import {
  breakMs,
  DEFAULT_AUDIO_TIMING,
  digitsMs,
  sayMs,
} from '../../../infra/local/twin/voice/audio-length.js';
import { mediaSeconds } from '../../../infra/local/twin/voice/media-length.js';

describe('speaking time of <Say> (§3.1)', () => {
  it('counts Latin characters at 15 a second and CJK characters at 4 a second', () => {
    expect(sayMs('a'.repeat(15), DEFAULT_AUDIO_TIMING)).toBe(1000);
    expect(sayMs('您好您好', DEFAULT_AUDIO_TIMING)).toBe(1000);
    // Mixed text adds both: 8 Han characters (2 s) and "VIN 123" (7 characters, 467 ms).
    expect(sayMs('请输入车辆识别码VIN 123', DEFAULT_AUDIO_TIMING)).toBe(2467);
  });

  it('collapses runs of whitespace, and speaks nothing for empty text', () => {
    expect(sayMs('  a \n\n  b  ', DEFAULT_AUDIO_TIMING)).toBe(sayMs('a b', DEFAULT_AUDIO_TIMING));
    expect(sayMs('', DEFAULT_AUDIO_TIMING)).toBe(0);
  });

  it('reads SSML break times in seconds or milliseconds', () => {
    expect(breakMs('2s')).toBe(2000);
    expect(breakMs('750ms')).toBe(750);
    expect(breakMs(undefined, 'strong')).toBe(400);
    expect(breakMs(undefined, 'none')).toBe(0);
  });

  it('plays DTMF at 200 ms a key and waits half a second for each w (§3.2)', () => {
    expect(digitsMs('12w#')).toBe(200 * 3 + 500);
  });
});

describe('length of media (§3.2)', () => {
  it('reads a WAV from its fmt and data chunks', () => {
    expect(mediaSeconds(wavFile(2.5))).toBe(2.5);
    expect(mediaSeconds(wavFile(1, 2))).toBe(1);
  });

  it('counts MP3 frames, after an ID3 tag', () => {
    const frames = Math.ceil(3 / (1152 / 44_100));
    expect(mediaSeconds(mp3File(3))).toBeCloseTo((frames * 1152) / 44_100, 6);
    const id3 = Buffer.alloc(10 + 20);
    id3.write('ID3', 0, 'ascii');
    id3[9] = 20; // syncsafe size of the tag body
    expect(mediaSeconds(Buffer.concat([id3, mp3File(3)]))).toBeCloseTo((frames * 1152) / 44_100, 6);
  });

  it('knows nothing of other bytes', () => {
    expect(mediaSeconds(Buffer.from('<html>not audio</html>'))).toBeUndefined();
    expect(mediaSeconds(Buffer.alloc(0))).toBeUndefined();
  });
});
