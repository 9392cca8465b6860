// A recorded call's transcript: sentences per channel with their times in the recording. Agent calls are
// recorded dual-channel from <Dial> (the calling leg, the customer, on channel 1; the agent on 2), so the
// channel says who spoke.
import type { Bilingual } from './form.js';

export type Speaker = 'customer' | 'agent';

export interface TranscriptSentence {
  readonly channel: 1 | 2;
  readonly speaker: Speaker;
  /** Seconds from the start of the recording. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly text: string;
}

export const speakerOf = (channel: 1 | 2): Speaker => (channel === 1 ? 'customer' : 'agent');

/** A forbidden phrase said by the agent, or a required one the agent never said. */
export interface PhraseFlag {
  readonly kind: 'prohibited' | 'missing';
  readonly ruleId: string;
  readonly name: Bilingual;
  /** The phrase heard and where (prohibited only). */
  readonly heard?: string;
  readonly atSeconds?: number;
}

export interface Transcript {
  readonly recordingSid: string;
  /** pending: asked for and not done yet (`providerId` names the job); ready: sentences and flags final. */
  readonly state: 'pending' | 'ready';
  readonly providerId?: string;
  readonly agentId: string;
  /** The recording's start: what the flagged-call counts in reports are ranged over. */
  readonly callStartedAt: string;
  readonly sentences: readonly TranscriptSentence[];
  /** Where it came from: Twilio's transcription, or the local twin's scripted speech. */
  readonly source: string;
  readonly flags: readonly PhraseFlag[];
  readonly storedAt: string;
}
