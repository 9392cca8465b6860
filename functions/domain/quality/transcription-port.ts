// Transcription of a stored dual-channel recording, behind a port: in AWS Twilio's Conversational
// Intelligence (a transcript job over the recording's short-lived S3 URL), locally the twin's scripted
// speech. Asynchronous: `start` names a job; `sentences` is undefined until the job is done.
import type { TranscriptSentence } from './transcript.js';

export interface TranscriptionRequest {
  readonly recordingSid: string;
  /** The customer's call the recording is filed under: the twin finds the call's scripted speech by it. */
  readonly callSid?: string;
  /** Where the provider reads the audio (a presigned GET URL of our copy). */
  readonly mediaUrl: string;
}

export interface TranscriptionPort {
  /** The provider's name for the job (Twilio: a Transcript SID, GT…). */
  start(request: TranscriptionRequest): Promise<string>;
  /** The sentences, oldest first, once done; undefined while it is still working; throws if it failed. */
  sentences(jobId: string): Promise<TranscriptSentence[] | undefined>;
}
