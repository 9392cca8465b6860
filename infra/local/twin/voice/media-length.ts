// The playing time of the media Twilio plays (docs/twilio-behaviour.md §3.2: WAV or MP3), read from the bytes:
// a WAV's `fmt ` and `data` chunks, an MP3's MPEG Layer III frames counted one by one (so variable bit rates
// come out right). Anything else is undefined, and the caller uses its default length.

export function mediaSeconds(bytes: Uint8Array): number | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 12 && buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WAVE')
    return wavSeconds(buf);
  return mp3Seconds(buf);
}

function wavSeconds(buf: Buffer): number | undefined {
  let byteRate: number | undefined;
  for (let at = 12; at + 8 <= buf.length; ) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'fmt ' && at + 16 <= buf.length) byteRate = buf.readUInt32LE(at + 16);
    if (id === 'data') {
      // A streamed WAV may leave the size unset (0 or 0xFFFFFFFF): count what is there.
      const bytes = size === 0 || size === 0xffffffff ? buf.length - at - 8 : size;
      return byteRate ? bytes / byteRate : undefined;
    }
    at += 8 + size + (size % 2); // chunks are padded to an even length
  }
  return undefined;
}

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES_V1 = [44_100, 48_000, 32_000];

function mp3Seconds(buf: Buffer): number | undefined {
  let at = id3Length(buf);
  let seconds = 0;
  let frames = 0;
  while (at + 4 <= buf.length) {
    const frame = frameAt(buf, at);
    if (!frame) break;
    seconds += frame.samples / frame.rate;
    frames++;
    at += frame.bytes;
  }
  return frames > 0 ? seconds : undefined;
}

// An ID3v2 tag ahead of the audio: 10-byte header, a syncsafe size, and a 10-byte footer when flagged.
function id3Length(buf: Buffer): number {
  if (buf.length < 10 || buf.toString('ascii', 0, 3) !== 'ID3') return 0;
  const size = ((buf[6] ?? 0) << 21) | ((buf[7] ?? 0) << 14) | ((buf[8] ?? 0) << 7) | (buf[9] ?? 0);
  return 10 + size + ((buf[5] ?? 0) & 0x10 ? 10 : 0);
}

function frameAt(buf: Buffer, at: number): { samples: number; rate: number; bytes: number } | undefined {
  const b1 = buf[at + 1] ?? 0;
  const b2 = buf[at + 2] ?? 0;
  if (buf[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
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
