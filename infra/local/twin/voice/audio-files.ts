// Real, playable audio for recordings: a PCM WAV (8 kHz, 16-bit, a soft 440 Hz tone so players show and play
// something) and an MP3 of digital silence built from valid MPEG-1 Layer III frames; both of the recorded length.
const WAV_RATE = 8000;

export function wavFile(seconds: number, channels: 1 | 2 = 1): Buffer {
  const frames = Math.max(0, Math.round(seconds * WAV_RATE));
  const dataBytes = frames * channels * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(channels, 22);
  buf.writeUInt32LE(WAV_RATE, 24);
  buf.writeUInt32LE(WAV_RATE * channels * 2, 28);
  buf.writeUInt16LE(channels * 2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  // A 440 Hz tone repeats every second of whole frames: the first second is computed, the rest copied, so a
  // long call's recording (the load benchmark's talk) costs a copy, not a sine per sample on the event loop.
  const first = Math.min(frames, WAV_RATE);
  for (let i = 0; i < first; i++) {
    const sample = Math.round(Math.sin((2 * Math.PI * 440 * i) / WAV_RATE) * 2000);
    for (let ch = 0; ch < channels; ch++) buf.writeInt16LE(sample, 44 + (i * channels + ch) * 2);
  }
  const second = first * channels * 2;
  for (let at = 44 + second; at < buf.length; at += second) buf.copy(buf, at, 44, 44 + second);
  return buf;
}

/** Length in seconds read back from a WAV header (used by tests and the sim). */
export function wavSeconds(buf: Buffer): number {
  const byteRate = buf.readUInt32LE(28);
  const dataBytes = buf.readUInt32LE(40);
  return dataBytes / byteRate;
}

// MPEG-1 Layer III, 32 kbit/s, 44.1 kHz, mono, no CRC: each 104-byte frame holds 1152 samples. All-zero side
// information and main data decode to silence in every decoder.
const MP3_HEADER = [0xff, 0xfb, 0x10, 0xc0];
const MP3_FRAME_BYTES = 104;
const MP3_FRAME_SECONDS = 1152 / 44_100;

export function mp3File(seconds: number): Buffer {
  const frames = Math.ceil(Math.max(0, seconds) / MP3_FRAME_SECONDS);
  const buf = Buffer.alloc(frames * MP3_FRAME_BYTES);
  for (let f = 0; f < frames; f++) buf.set(MP3_HEADER, f * MP3_FRAME_BYTES);
  return buf;
}
