// Recordings built in the test, byte by byte: a WAV of PCM samples (a quiet tone) and an MP3 of MPEG-1
// Layer III frames at 128 kbit/s, 44.1 kHz (silent frames: the headers are what players and we read).

/** A mono WAV of `seconds` at `rate` Hz, 16-bit PCM; `format` 3 makes it IEEE float (not PCM). */
export function wavBytes(seconds: number, rate = 8000, format = 1): Uint8Array {
  const samples = Math.round(seconds * rate);
  const data = samples * 2;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(format, 20);
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(data, 40);
  for (let i = 0; i < samples; i++)
    b.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return new Uint8Array(b);
}

const FRAME_BYTES = 417; // floor(144 * 128000 / 44100), no padding
const FRAME_SECONDS = 1152 / 44_100;

/** An MP3 of about `seconds`: whole frames, so it plays a little under or over by at most 26 ms. */
export function mp3Bytes(seconds: number): Uint8Array {
  const frames = Math.max(1, Math.round(seconds / FRAME_SECONDS));
  const b = Buffer.alloc(frames * FRAME_BYTES);
  for (let f = 0; f < frames; f++) {
    const at = f * FRAME_BYTES;
    b[at] = 0xff;
    b[at + 1] = 0xfb; // MPEG-1, Layer III, no CRC
    b[at + 2] = 0x90; // 128 kbit/s, 44.1 kHz, no padding
    b[at + 3] = 0xc4; // mono
  }
  return new Uint8Array(b);
}
