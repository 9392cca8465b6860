// The static fallback TwiML: well-formed, only verbs Twilio knows, apology and voicemail prompt in both
// languages, and a voicemail action that stays on static files fetched with GET.
import { describe, expect, it } from 'vitest';
import {
  FALLBACK_RECORDED_FILE,
  fallbackRecordedTwiml,
  fallbackTwiml,
} from '../../infra/aws/fallback-twiml.js';

const VERBS = new Set([
  'Say',
  'Play',
  'Pause',
  'Record',
  'Gather',
  'Hangup',
  'Redirect',
  'Dial',
  'Enqueue',
  'Leave',
  'Reject',
]);

/** Top-level verbs under <Response>, with their attributes; throws on anything not well-formed. */
function verbs(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const body = /^<\?xml version="1\.0" encoding="UTF-8"\?><Response>(.*)<\/Response>$/s.exec(xml)?.[1];
  if (body === undefined) throw new Error(`not a TwiML document: ${xml.slice(0, 80)}`);
  const out: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const element = /<(\w+)((?:\s+\w+="[^"<>]*")*)\s*(?:\/>|>([^<]*)<\/\1>)/gy;
  let match = element.exec(body);
  let consumed = 0;
  while (match) {
    const attrs = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]),
    );
    out.push({ name: match[1] ?? '', attrs, text: match[3] ?? '' });
    consumed = element.lastIndex;
    match = element.exec(body);
  }
  if (consumed !== body.length)
    throw new Error(`unparsed TwiML after ${body.slice(consumed, consumed + 40)}`);
  return out;
}

describe('fallback TwiML', () => {
  it('apologises in Chinese and English, records a voicemail, then ends the call', () => {
    const doc = verbs(fallbackTwiml());
    for (const verb of doc) expect(VERBS).toContain(verb.name);
    const says = doc.filter((v) => v.name === 'Say');
    expect(says[0]?.attrs).toMatchObject({ language: 'cmn-CN', voice: 'Polly.Zhiyu' });
    expect(says[0]?.text).toContain('抱歉');
    expect(says[1]?.attrs).toMatchObject({ language: 'en-US' });
    expect(says[1]?.text).toMatch(/sorry.*after the tone/i);
    expect(doc.map((v) => v.name)).toEqual(['Say', 'Say', 'Record', 'Say', 'Say', 'Hangup']);
  });

  it('keeps the voicemail on static files: a relative action fetched with GET', () => {
    const record = verbs(fallbackTwiml()).find((v) => v.name === 'Record');
    expect(record?.attrs).toMatchObject({ action: FALLBACK_RECORDED_FILE, method: 'GET', finishOnKey: '#' });
    expect(Number(record?.attrs.maxLength)).toBeLessThanOrEqual(180);
  });

  it('thanks the caller in both languages and hangs up after the recording', () => {
    const doc = verbs(fallbackRecordedTwiml());
    expect(doc.map((v) => `${v.name}:${v.attrs.language ?? ''}`)).toEqual([
      'Say:cmn-CN',
      'Say:en-US',
      'Hangup:',
    ]);
  });
});
