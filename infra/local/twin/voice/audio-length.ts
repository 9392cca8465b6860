// How long the caller listens to a <Say>, to the DTMF of <Play digits> and to a media file, so audio takes
// time on the twin's clock as it does on a call. Twilio publishes no speaking rate; the rates below are
// estimates of typical neural TTS (about 150 English words a minute, about 4 Mandarin syllables a second).

/** Rates and defaults used to turn audio into clock time; each can be overridden per twin. */
export interface AudioTiming {
  /** Speaking rate for Latin and other alphabetic text, counting every character, spaces included. */
  readonly sayCharsPerSecond: number;
  /** Speaking rate for CJK characters (Han, kana, Hangul), one syllable each. */
  readonly sayCjkCharsPerSecond: number;
  /** The length of a <Play> file the twin cannot read (a URL off this machine, an unknown format). */
  readonly playDefaultMs: number;
}

export const DEFAULT_AUDIO_TIMING: AudioTiming = {
  sayCharsPerSecond: 15,
  sayCjkCharsPerSecond: 4,
  playDefaultMs: 10_000,
};

const CJK = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** Milliseconds to speak `text` once. Whitespace runs count as one character (a short gap). */
export function sayMs(text: string, timing: AudioTiming): number {
  let cjk = 0;
  let other = 0;
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    if (CJK.test(ch)) cjk++;
    else other++;
  }
  return Math.round(perSecond(cjk, timing.sayCjkCharsPerSecond) + perSecond(other, timing.sayCharsPerSecond));
}

function perSecond(count: number, rate: number): number {
  return count === 0 || !(rate > 0) ? 0 : (count * 1000) / rate;
}

/**
 * An SSML `<break time="…">` as milliseconds: `2s`, `500ms`, or a bare number of milliseconds; strength
 * words are treated as a medium break of 400 ms.
 */
export function breakMs(time: string | undefined, strength?: string): number {
  const m = time ? /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(time) : null;
  if (m) return Math.round(Number(m[1]) * (m[2]?.toLowerCase() === 's' ? 1000 : 1));
  return strength === 'none' ? 0 : 400;
}

// Twilio: `w` in <Play digits> waits half a second. Each tone is assumed to last 100 ms with 100 ms after it.
const DIGIT_MS = 200;
const WAIT_MS = 500;

/** Milliseconds to play a `digits` string such as `1234w#`. */
export function digitsMs(digits: string): number {
  let ms = 0;
  for (const d of digits) ms += d === 'w' || d === 'W' ? WAIT_MS : DIGIT_MS;
  return ms;
}
