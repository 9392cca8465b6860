// What the caller hears where a recording is assigned: the flow step's spoken prompt becomes a <Play> of the
// recording, and a queue's hold music the assigned file. Twilio fetches the file from a presigned URL (the
// bucket is private). A recording taken out of the library or missing from the bucket, or no bucket at all,
// falls back to the speech the flow has, so a caller never hears silence.
import type { MediaStore } from '../domain/channel-ports.js';
import type { IvrStep, PromptStep, Session } from '../domain/ivr/steps.js';
import type { Clock, SettingsRepo } from '../domain/ports.js';
import {
  NO_ASSIGNMENTS,
  PROMPT_ASSIGNMENTS_SETTING,
  PROMPT_LIBRARY_SETTING,
  type PromptAssignments,
  type PromptLibrary,
} from '../domain/prompts/prompt-library.js';
import { cachedSetting } from './setting-history.js';

export interface RecordedPromptPorts {
  readonly store: { readonly settings: SettingsRepo };
  readonly clock: Clock;
  /** The media bucket; without it every prompt is spoken. */
  readonly media?: MediaStore;
}

/**
 * Every call begins by asking which prompts are recorded: a warm container reuses what it read for a few
 * seconds of the clock (a change made through it applies at once), so a rush of callers costs no read each.
 */
async function assignments(deps: RecordedPromptPorts): Promise<PromptAssignments> {
  return (await cachedSetting<PromptAssignments>(deps, PROMPT_ASSIGNMENTS_SETTING)) ?? NO_ASSIGNMENTS;
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

/**
 * Set on the session when neither the call's flow nor any queue's hold music had a recording as the call
 * began: the call's later documents (and its wait in the queue) skip reading the assignments, since most
 * calls meet no recording and each read is paid per webhook. A change reaches the next caller; a call under
 * way keeps the voice it started with.
 */
export const SPOKEN_VAR = 'spoken';

type WithSession = Extract<IvrStep, { session: unknown }>;
const hasSession = (s: IvrStep): s is WithSession => 'session' in s;

/** The steps with each assigned prompt played from its recording instead of spoken. */
export async function withRecordedPrompts(
  deps: RecordedPromptPorts,
  steps: readonly IvrStep[],
): Promise<readonly IvrStep[]> {
  const prompts: PromptStep[] = steps.flatMap((s) =>
    s.kind === 'gather' ? s.prompts : s.kind === 'say' ? [s] : [],
  );
  const flow = prompts.flatMap((p) => (p.kind === 'say' && p.prompt ? [p.prompt.flow] : []))[0];
  if (!deps.media || !flow) return steps;
  if (steps.some((s) => hasSession(s) && s.session.vars[SPOKEN_VAR] === 'yes')) return steps;
  const assigned = await assignments(deps);
  if (Object.keys(assigned.flows[flow] ?? {}).length === 0 && Object.keys(assigned.hold).length === 0)
    return steps.map((s) =>
      hasSession(s)
        ? { ...s, session: { ...s.session, vars: { ...s.session.vars, [SPOKEN_VAR]: 'yes' } } }
        : s,
    );
  const idOf = (p: PromptStep) =>
    p.kind === 'say' && p.prompt ? assigned.flows[p.prompt.flow]?.[p.prompt.state]?.[p.language] : undefined;
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
  session: Session,
  queue: string,
): Promise<string | undefined> {
  if (!deps.media || session.vars[SPOKEN_VAR] === 'yes') return undefined;
  const id = (await assignments(deps)).hold[queue]?.[session.lang];
  return id ? (await playable(deps, new Set([id]))).get(id) : undefined;
}
