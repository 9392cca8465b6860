// Recorded prompts and hold music: the library of audio files admins upload (kept in the media bucket, listed
// in one settings document), and the console setting that puts a recording in place of a flow step's spoken
// prompt, or as a queue's hold music, per language. Pure types, limits and look-ups.
import type { Language } from '../model.js';
import type { AudioFormat } from './audio-probe.js';

export const PROMPT_LIBRARY_SETTING = 'prompt-library';
export const PROMPT_ASSIGNMENTS_SETTING = 'prompt-assignments';

/** A minute of 8 kHz telephone audio is under 1 MB; 5 MB leaves room for music at a higher quality. */
export const MAX_PROMPT_BYTES = 5 * 1024 * 1024;
/** Shorter than this is a click, not a prompt: most likely the wrong file. */
export const MIN_PROMPT_SECONDS = 0.5;
/** Hold music loops between announcements, so two minutes is plenty; a prompt should be far shorter. */
export const MAX_PROMPT_SECONDS = 120;

export const AUDIO_TYPES = { wav: 'audio/wav', mp3: 'audio/mpeg' } as const satisfies Record<
  AudioFormat,
  string
>;

export interface RecordedPrompt {
  readonly id: string;
  readonly name: string;
  /** The language spoken in it; a recording plays only where that language is wanted. */
  readonly language: Language;
  readonly format: AudioFormat;
  readonly contentType: string;
  readonly durationSeconds: number;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly s3Key: string;
  readonly uploadedBy: string;
  readonly at: string;
}

export interface PromptLibrary {
  readonly items: readonly RecordedPrompt[];
}

/** A recording per language, by the recording's id. */
export type PerLanguage = Readonly<Partial<Record<Language, string>>>;

export interface PromptAssignments {
  /** Flow name -> state name -> the recording played instead of that state's spoken prompt. */
  readonly flows: Readonly<Record<string, Readonly<Record<string, PerLanguage>>>>;
  /** Queue name -> the hold music played between the queue's announcements. */
  readonly hold: Readonly<Record<string, PerLanguage>>;
}

export const NO_ASSIGNMENTS: PromptAssignments = { flows: {}, hold: {} };

/** Where a recording is assigned, as `flow.state.lang` and `hold.queue.lang`; empty when nowhere. */
export function placesUsing(assignments: PromptAssignments, promptId: string): string[] {
  const places: string[] = [];
  for (const [flow, states] of Object.entries(assignments.flows))
    for (const [state, langs] of Object.entries(states))
      for (const [lang, id] of Object.entries(langs))
        if (id === promptId) places.push(`${flow}.${state}.${lang}`);
  for (const [queue, langs] of Object.entries(assignments.hold))
    for (const [lang, id] of Object.entries(langs)) if (id === promptId) places.push(`hold.${queue}.${lang}`);
  return places;
}
