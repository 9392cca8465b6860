// What an uploaded recording really is, judged from its bytes (never its name or the browser's word): a WAV
// of PCM samples or an MP3 (MPEG Layer III), the two kinds Twilio's <Play> takes, with its playing time.
// Anything else, or a file whose headers do not add up, is refused with the reason. Pure.

export type AudioFormat = 'wav' | 'mp3';

export type AudioProbe =
  | { readonly ok: true; readonly format: AudioFormat; readonly seconds: number }
  | { readonly ok: false; readonly reason: 'not-audio' | 'not-pcm' | 'corrupt-audio' };

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

export function probeAudio(bytes: Uint8Array): AudioProbe {
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return wav(bytes);
  return mp3(bytes);
}

/** WAVE_FORMAT_PCM, and WAVE_FORMAT_EXTENSIBLE whose sub-format is PCM. */
const PCM = 1;
const EXTENSIBLE = 0xfffe;

function wav(b: Uint8Array): AudioProbe {
  let fmt: { channels: number; rate: number; byteRate: number; align: number; bits: number } | undefined;
  for (let at = 12; at + 8 <= b.length; ) {
    const id = ascii(b, at, 4);
    const size = u32(b, at + 4);
    if (id === 'fmt ') {
      if (size < 16 || at + 8 + 16 > b.length) return { ok: false, reason: 'corrupt-audio' };
      const tag = u16(b, at + 8);
      const sub = tag === EXTENSIBLE && size >= 40 ? u16(b, at + 8 + 24) : tag;
      if (sub !== PCM) return { ok: false, reason: 'not-pcm' };
      fmt = {
        channels: u16(b, at + 10),
        rate: u32(b, at + 12),
        byteRate: u32(b, at + 16),
        align: u16(b, at + 20),
        bits: u16(b, at + 22),
      };
    }
    if (id === 'data') {
      if (!fmt) return { ok: false, reason: 'corrupt-audio' };
      const { channels, rate, byteRate, align, bits } = fmt;
      const consistent =
        channels >= 1 &&
        channels <= 8 &&
        rate >= 4_000 &&
        rate <= 192_000 &&
        [8, 16, 24, 32].includes(bits) &&
        align === (channels * bits) / 8 &&
        byteRate === rate * align;
      // The header promises more samples than the file holds: cut off in transit or on disk.
      if (!consistent || at + 8 + size > b.length) return { ok: false, reason: 'corrupt-audio' };
      return { ok: true, format: 'wav', seconds: size / byteRate };
    }
    at += 8 + size + (size % 2); // chunks are padded to an even length
  }
  return { ok: false, reason: 'corrupt-audio' };
}

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES_V1 = [44_100, 48_000, 32_000];

interface Frame {
  readonly samples: number;
  readonly rate: number;
  readonly bytes: number;
}

function frameAt(b: Uint8Array, at: number): Frame | undefined {
  const b1 = b[at + 1] ?? 0;
  const b2 = b[at + 2] ?? 0;
  if (b[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const version = (b1 >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = (b1 >> 1) & 3; // 1: Layer III
  if (version === 1 || layer !== 1) return undefined;
  const v1 = version === 3;
  const kbps = (v1 ? BITRATES_V1 : BITRATES_V2)[(b2 >> 4) & 15];
  const baseRate = RATES_V1[(b2 >> 2) & 3];
  if (!kbps || !baseRate) return undefined; // free-format and reserved values
  const rate = baseRate / (v1 ? 1 : version === 2 ? 2 : 4);
  const bytes = Math.floor(((v1 ? 144 : 72) * kbps * 1000) / rate) + ((b2 >> 1) & 1);
  return { samples: v1 ? 1152 : 576, rate, bytes };
}

// An ID3v2 tag ahead of the audio: 10-byte header, a syncsafe size, and a 10-byte footer when flagged.
function id3Length(b: Uint8Array): number {
  if (b.length < 10 || ascii(b, 0, 3) !== 'ID3') return 0;
  const size = ((b[6] ?? 0) << 21) | ((b[7] ?? 0) << 14) | ((b[8] ?? 0) << 7) | (b[9] ?? 0);
  return 10 + size + ((b[5] ?? 0) & 0x10 ? 10 : 0);
}

/**
 * Frames one after another from the first byte of audio to the end (an ID3v1 tag of 128 bytes may close
 * the file): a few stray bytes that look like a frame header in a text or image file never line up so.
 */
function mp3(b: Uint8Array): AudioProbe {
  const start = id3Length(b);
  const tagged = start > 0;
  if (start >= b.length || !frameAt(b, start))
    return { ok: false, reason: tagged ? 'corrupt-audio' : 'not-audio' };
  let seconds = 0;
  let at = start;
  while (at < b.length) {
    const frame = frameAt(b, at);
    if (!frame) break;
    if (at + frame.bytes > b.length) return { ok: false, reason: 'corrupt-audio' };
    seconds += frame.samples / frame.rate;
    at += frame.bytes;
  }
  const rest = b.subarray(at);
  const closing =
    rest.length === 0 || (rest.length === 128 && ascii(rest, 0, 3) === 'TAG') || rest.every((x) => x === 0);
  return closing ? { ok: true, format: 'mp3', seconds } : { ok: false, reason: 'corrupt-audio' };
}
