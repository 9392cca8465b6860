// Calls to the voicemail inbox API: the boxes I may open, listening (a short-lived URL), assigning,
// marking handled and calling back (a callback task, then the click-to-dial path).
import type { Task, Voicemail } from '../../functions/domain/model.js';
import { call } from './api.js';

/** A voicemail as the inbox lists it: its box, whether it can be heard yet, and the customer's name. */
export type VoicemailItem = Voicemail & {
  readonly mailbox: string;
  readonly stored: boolean;
  readonly customerName?: string;
};

export interface VoicemailPage {
  readonly items: readonly VoicemailItem[];
  readonly cursor?: string;
  /** The center's zone, in which the inbox shows when a message was left. */
  readonly timeZone: string;
}

const path = (sid: string, rest = '') => `/voicemails/${encodeURIComponent(sid)}${rest}`;

export const voicemailApi = {
  list: (status: 'new' | 'handled' = 'new') => call<VoicemailPage>('GET', `/voicemails?status=${status}`),
  get: (sid: string) => call<VoicemailItem>('GET', path(sid)),
  playback: (sid: string) => call<{ url: string; expiresAt: string }>('POST', path(sid, '/playback')),
  markHandled: (sid: string) => call<VoicemailItem>('POST', path(sid, '/handled')),
  assign: (sid: string, agentId?: string) =>
    call<VoicemailItem>('POST', path(sid, '/assign'), agentId ? { agentId } : {}),
  callBack: (sid: string) => call<{ task: Task; created: boolean }>('POST', path(sid, '/callback')),
};

/** The recording a callback task was made from, read from its note ("voicemail RE…"). */
export function voicemailOfNote(note: string | undefined): string | undefined {
  return /^voicemail (RE[0-9a-f]{32})\b/.exec(note ?? '')?.[1];
}
