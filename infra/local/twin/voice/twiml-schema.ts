// Checks a parsed voice TwiML document the way Twilio does before running it (docs/twilio-behaviour.md §3): root <Response>,
// case-sensitive verb names, which nouns each verb may hold. Failures carry Twilio's error code.
import { childElements, parseXml, type XmlElement, XmlSyntaxError } from './xml.js';

export const TwimlErrors = {
  /** Document parse failure: the XML is malformed. */
  parseFailure: 12100,
  /** Schema validation: unknown verb, wrong root, a noun where it is not allowed. */
  schemaValidation: 12200,
  /** The response had a content type Twilio cannot run. */
  invalidContentType: 12300,
} as const;

export type TwimlCheck =
  | { readonly ok: true; readonly verbs: readonly XmlElement[] }
  | { readonly ok: false; readonly code: number; readonly message: string };

/** Verbs the twin runs; other real TwiML verbs are accepted by Twilio but not simulated. */
export const VOICE_VERBS = [
  'Say',
  'Play',
  'Pause',
  'Gather',
  'Record',
  'Enqueue',
  'Dial',
  'Redirect',
  'Hangup',
  'Reject',
  'Leave',
] as const;
const KNOWN_UNSIMULATED = ['Connect', 'Start', 'Stop', 'Pay', 'Prompt', 'Refer', 'Echo', 'Sms'];

const NESTING: Record<string, readonly string[]> = {
  Response: [...VOICE_VERBS, ...KNOWN_UNSIMULATED],
  Gather: ['Say', 'Play', 'Pause'],
  Dial: ['Number', 'Client', 'Conference', 'Queue', 'Sip', 'Application'],
  Enqueue: ['Task'],
  Client: ['Identity', 'Parameter'],
  Say: ['break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub', 'w', 'amazon:effect'],
};

export function checkVoiceTwiml(body: string): TwimlCheck {
  let root: XmlElement;
  try {
    root = parseXml(body);
  } catch (err) {
    if (err instanceof XmlSyntaxError)
      return { ok: false, code: TwimlErrors.parseFailure, message: err.message };
    throw err;
  }
  if (root.name !== 'Response') {
    return {
      ok: false,
      code: TwimlErrors.schemaValidation,
      message: `root element is <${root.name}>, not <Response>`,
    };
  }
  const problem = checkChildren(root);
  if (problem) return { ok: false, code: TwimlErrors.schemaValidation, message: problem };
  return { ok: true, verbs: childElements(root) };
}

function checkChildren(el: XmlElement): string | undefined {
  const allowed = NESTING[el.name];
  for (const child of el.children) {
    if (typeof child === 'string') {
      if (el.name === 'Response' && child.trim()) return 'text directly inside <Response>';
      continue;
    }
    if (el.name === 'Say') continue; // SSML is passed to the speech engine, not validated here
    if (!allowed?.includes(child.name)) return `<${child.name}> is not allowed inside <${el.name}>`;
    const inner = checkChildren(child);
    if (inner) return inner;
  }
  return undefined;
}
