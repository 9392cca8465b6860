// The IVR session travels in the query of each action URL: Twilio signs the full URL, so a caller (or
// anyone) who alters it fails signature validation. Nothing about a call is kept in server memory.
import type { Session } from '../../../domain/ivr/steps.js';
import { LANGUAGES } from '../../../domain/model.js';
import { invalidField } from '../../errors.js';

export function encodeSession(s: Session): string {
  return Buffer.from(JSON.stringify([s.flow, s.state, s.lang, s.attempt, s.vars])).toString('base64url');
}

export function decodeSession(raw: string | undefined): Session {
  try {
    const [flow, state, lang, attempt, vars] = JSON.parse(
      Buffer.from(raw ?? '', 'base64url').toString('utf8'),
    );
    if (
      typeof flow === 'string' &&
      typeof state === 'string' &&
      LANGUAGES.includes(lang) &&
      Number.isInteger(attempt)
    )
      return { flow, state, lang, attempt, vars: vars && typeof vars === 'object' ? vars : {} };
  } catch {
    // fall through
  }
  throw invalidField('query.s', 'unknown-session', 'is not an IVR session this server issued');
}

export function ivrUrl(
  baseUrl: string,
  path: string,
  s: Session,
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams({ s: encodeSession(s), ...extra });
  return `${baseUrl}/twilio/ivr/${path}?${q.toString()}`;
}
