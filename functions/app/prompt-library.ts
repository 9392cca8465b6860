// The library of recorded prompts and hold music: an upload is judged from its bytes (WAV PCM or MP3, its
// size and playing time), stored in the media bucket and listed with who uploaded it and when; the browser
// plays one through a short-lived presigned URL; a recording still assigned somewhere cannot be deleted.
// Every upload and deletion is audited.
import { createHash, randomUUID } from 'node:crypto';
import { safeAttachmentName } from '../domain/attachments.js';
import type { MediaStore } from '../domain/channel-ports.js';
import type { Language, User } from '../domain/model.js';
import type { AuditRepo, Clock, SettingsRepo } from '../domain/ports.js';
import { HttpProblem, invalidField, NotFoundError } from '../domain/problems.js';
import { probeAudio } from '../domain/prompts/audio-probe.js';
import {
  AUDIO_TYPES,
  MAX_PROMPT_BYTES,
  MAX_PROMPT_SECONDS,
  MIN_PROMPT_SECONDS,
  PROMPT_LIBRARY_SETTING,
  type PromptLibrary,
  placesUsing,
  type RecordedPrompt,
} from '../domain/prompts/prompt-library.js';
import { readAssignments } from './prompt-assignments.js';

export interface PromptLibraryDeps {
  readonly store: { readonly settings: SettingsRepo; readonly audit: AuditRepo };
  readonly clock: Clock;
  readonly media: MediaStore;
  readonly playbackTtlSeconds: number;
}

const FILE = 'body.file';

export async function listPrompts(deps: Pick<PromptLibraryDeps, 'store'>): Promise<RecordedPrompt[]> {
  const library = await deps.store.settings.get<PromptLibrary>(PROMPT_LIBRARY_SETTING);
  return [...(library?.items ?? [])].sort((a, b) => b.at.localeCompare(a.at));
}

export async function promptById(
  deps: Pick<PromptLibraryDeps, 'store'>,
  id: string,
): Promise<RecordedPrompt | undefined> {
  return (await listPrompts(deps)).find((p) => p.id === id);
}

/** The recording's format and length, or a 400 saying what is wrong with the file and what is allowed. */
export function checkRecording(bytes: Uint8Array): { format: 'wav' | 'mp3'; seconds: number } {
  if (bytes.length === 0) throw invalidField(FILE, 'required', 'the file is empty');
  const mb = (n: number) => (n / 1048576).toFixed(1);
  if (bytes.length > MAX_PROMPT_BYTES)
    throw invalidField(
      FILE,
      'too-large',
      `is ${mb(bytes.length)} MB; a recording may be up to ${MAX_PROMPT_BYTES / 1048576} MB`,
    );
  const probe = probeAudio(bytes);
  if (!probe.ok) {
    const why = {
      'not-audio': 'is not a WAV or MP3 recording; upload a WAV (PCM) or MP3 file',
      'not-pcm': 'is a compressed WAV; save it as WAV PCM (uncompressed) or MP3',
      'corrupt-audio': 'is damaged or cut short; export the recording again as WAV (PCM) or MP3',
    }[probe.reason];
    throw invalidField(FILE, probe.reason, why);
  }
  const seconds = Math.round(probe.seconds * 100) / 100;
  if (seconds > MAX_PROMPT_SECONDS)
    throw invalidField(
      FILE,
      'too-long',
      `plays ${seconds} s; a recording may be up to ${MAX_PROMPT_SECONDS} s`,
    );
  if (seconds < MIN_PROMPT_SECONDS)
    throw invalidField(
      FILE,
      'too-short',
      `plays ${seconds} s; a recording must be at least ${MIN_PROMPT_SECONDS} s`,
    );
  return { format: probe.format, seconds };
}

export async function uploadPrompt(
  deps: PromptLibraryDeps,
  user: User,
  input: { readonly name: string; readonly language: Language; readonly bytes: Uint8Array },
): Promise<RecordedPrompt> {
  const { format, seconds } = checkRecording(input.bytes);
  const id = randomUUID();
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const s3Key = `prompts/${id}.${format}`;
  const contentType = AUDIO_TYPES[format];
  await deps.media.put(s3Key, input.bytes, { contentType, sha256 });
  const prompt: RecordedPrompt = {
    id,
    name: safeAttachmentName(input.name.trim() || `recording.${format}`),
    language: input.language,
    format,
    contentType,
    durationSeconds: seconds,
    sizeBytes: input.bytes.length,
    sha256,
    s3Key,
    uploadedBy: user.id,
    at: new Date(deps.clock.now()).toISOString(),
  };
  await deps.store.settings.change<PromptLibrary>(PROMPT_LIBRARY_SETTING, (current) => ({
    items: [...(current?.items ?? []), prompt],
  }));
  await deps.store.audit.append({
    actor: user.id,
    action: 'prompts.upload',
    target: id,
    detail: { before: null, after: prompt },
  });
  return prompt;
}

/** A URL the browser plays the recording from, valid a few minutes. */
export async function promptAudioUrl(
  deps: PromptLibraryDeps,
  id: string,
): Promise<{ url: string; contentType: string; expiresInSeconds: number }> {
  const prompt = await promptById(deps, id);
  if (!prompt) throw new NotFoundError('Prompt', id);
  const url = await deps.media.presignGet(prompt.s3Key, deps.playbackTtlSeconds);
  return { url, contentType: prompt.contentType, expiresInSeconds: deps.playbackTtlSeconds };
}

/**
 * Takes the recording out of the library. Refused while a step or a queue plays it: callers would fall
 * back to speech without anyone deciding so. The object stays in the bucket until its lifecycle expires it
 * (the bucket's retention forbids deletes).
 */
export async function deletePrompt(deps: PromptLibraryDeps, user: User, id: string): Promise<void> {
  const prompt = await promptById(deps, id);
  if (!prompt) throw new NotFoundError('Prompt', id);
  const usedBy = placesUsing(await readAssignments(deps.store), id);
  if (usedBy.length > 0)
    throw new HttpProblem(409, 'prompt-in-use', `"${prompt.name}" is still assigned: ${usedBy.join(', ')}.`, {
      usedBy,
    });
  await deps.store.settings.change<PromptLibrary>(PROMPT_LIBRARY_SETTING, (current) => ({
    items: (current?.items ?? []).filter((p) => p.id !== id),
  }));
  await deps.store.audit.append({
    actor: user.id,
    action: 'prompts.delete',
    target: id,
    detail: { before: prompt, after: null },
  });
}
