// What the caller hears where a recording is assigned: the flow step's spoken prompt becomes a <Play> of the
// recording, and a queue's hold music the assigned file. Twilio fetches the file from a presigned URL (the
// bucket is private). A recording taken out of the library or missing from the bucket, or no bucket at all,
// falls back to the speech the flow has, so a caller never hears silence.
import type { MediaStore } from '../domain/channel-ports.js';
import type { IvrStep, PromptStep } from '../domain/ivr/steps.js';
import type { Language } from '../domain/model.js';
import type { SettingsRepo } from '../domain/ports.js';
import { PROMPT_LIBRARY_SETTING, type PromptLibrary } from '../domain/prompts/prompt-library.js';
import { readAssignments } from './prompt-assignments.js';

export interface RecordedPromptPorts {
  readonly store: { readonly settings: SettingsRepo };
  /** The media bucket; without it every prompt is spoken. */
  readonly media?: MediaStore;
}

/** Long enough for Twilio to fetch the file while the call plays the document; it caches what it fetched. */
export const PROMPT_URL_SECONDS = 900;

/** A playable URL for each recording id asked for that is in the library and in the bucket. */
async function playable(deps: RecordedPromptPorts, ids: ReadonlySet<string>): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const media = deps.media;
  if (!media || ids.size === 0) return urls;
  const library = (await deps.store.settings.get<PromptLibrary>(PROMPT_LIBRARY_SETTING))?.items ?? [];
  await Promise.all(
    library
      .filter((p) => ids.has(p.id))
      .map(async (p) => {
        if (await media.head(p.s3Key)) urls.set(p.id, await media.presignGet(p.s3Key, PROMPT_URL_SECONDS));
      }),
  );
  return urls;
}

/** The steps with each assigned prompt played from its recording instead of spoken. */
export async function withRecordedPrompts(
  deps: RecordedPromptPorts,
  steps: readonly IvrStep[],
): Promise<readonly IvrStep[]> {
  const prompts: PromptStep[] = steps.flatMap((s) =>
    s.kind === 'gather' ? s.prompts : s.kind === 'say' ? [s] : [],
  );
  if (!deps.media || !prompts.some((p) => p.kind === 'say' && p.prompt)) return steps;
  const assignments = await readAssignments(deps.store);
  const idOf = (p: PromptStep) =>
    p.kind === 'say' && p.prompt
      ? assignments.flows[p.prompt.flow]?.[p.prompt.state]?.[p.language]
      : undefined;
  const ids = new Set(prompts.map(idOf).filter((id): id is string => Boolean(id)));
  if (ids.size === 0) return steps;
  const urls = await playable(deps, ids);
  const swap = (p: PromptStep): PromptStep => {
    const id = idOf(p);
    const url = id ? urls.get(id) : undefined;
    return url ? { kind: 'play', url } : p;
  };
  return steps.map((s) =>
    s.kind === 'gather' ? { ...s, prompts: s.prompts.map(swap) } : s.kind === 'say' ? swap(s) : s,
  );
}

/** The queue's assigned hold music for the caller's language, or undefined for the default music. */
export async function holdMusicUrl(
  deps: RecordedPromptPorts,
  queue: string,
  lang: Language,
): Promise<string | undefined> {
  if (!deps.media) return undefined;
  const id = (await readAssignments(deps.store)).hold[queue]?.[lang];
  return id ? (await playable(deps, new Set([id]))).get(id) : undefined;
}
