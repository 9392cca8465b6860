// Which recording plays where: a flow step's spoken prompt or a queue's hold music, per language. A console
// setting (validated, audited, versioned and restorable through admin-settings.ts); read by the IVR as
// each call begins (a warm container reuses it for a few seconds), so a change applies without a deploy.
import { flows } from '../../flows/index.js';
import { routing } from '../../flows/routing.js';
import type { Language, User } from '../domain/model.js';
import { LANGUAGES } from '../domain/model.js';
import type { SettingsRepo } from '../domain/ports.js';
import { type HandlerIssue, ValidationError } from '../domain/problems.js';
import {
  NO_ASSIGNMENTS,
  type PerLanguage,
  PROMPT_ASSIGNMENTS_SETTING,
  PROMPT_LIBRARY_SETTING,
  type PromptAssignments,
  type PromptLibrary,
  type RecordedPrompt,
} from '../domain/prompts/prompt-library.js';
import { promptSlots, slotLanguages } from '../domain/prompts/prompt-slots.js';
import type { SettingPorts } from './setting-history.js';
import { writeSetting } from './setting-history.js';

export async function readAssignments(store: {
  readonly settings: SettingsRepo;
}): Promise<PromptAssignments> {
  return (await store.settings.get<PromptAssignments>(PROMPT_ASSIGNMENTS_SETTING)) ?? NO_ASSIGNMENTS;
}

/** Replaces the whole setting; applies to the next prompt a caller hears. */
export async function replaceAssignments(
  deps: SettingPorts,
  user: User,
  body: PromptAssignments,
): Promise<PromptAssignments> {
  const after = await validAssignments(deps, body);
  await writeSetting(deps, user, PROMPT_ASSIGNMENTS_SETTING, 'prompt-assignments.replace', after);
  return after;
}

/**
 * The setting as stored (empty entries dropped), or a ValidationError naming each unknown flow, state,
 * queue, language or recording, and each recording in another language than the place it is put.
 */
export async function validAssignments(
  deps: Pick<SettingPorts, 'store'>,
  body: PromptAssignments,
): Promise<PromptAssignments> {
  const library = (await deps.store.settings.get<PromptLibrary>(PROMPT_LIBRARY_SETTING))?.items ?? [];
  const byId = new Map(library.map((p) => [p.id, p]));
  const issues: HandlerIssue[] = [];
  const perLanguage = (at: string, langs: PerLanguage, allowed: readonly Language[]): PerLanguage => {
    const kept: Partial<Record<Language, string>> = {};
    for (const [lang, id] of Object.entries(langs)) {
      if (!id) continue;
      if (!allowed.includes(lang as Language)) {
        issues.push({
          path: `${at}.${lang}`,
          code: 'unknown-language',
          message: `is not one of ${allowed.join(', ')}`,
        });
        continue;
      }
      const prompt: RecordedPrompt | undefined = byId.get(id);
      if (!prompt) {
        issues.push({
          path: `${at}.${lang}`,
          code: 'unknown-prompt',
          message: `"${id}" is not in the prompt library`,
        });
        continue;
      }
      if (prompt.language !== lang) {
        issues.push({
          path: `${at}.${lang}`,
          code: 'language-mismatch',
          message: `"${prompt.name}" is a ${prompt.language} recording, not ${lang}`,
        });
        continue;
      }
      kept[lang as Language] = id;
    }
    return kept;
  };

  const flowsOut: Record<string, Record<string, PerLanguage>> = {};
  for (const [name, states] of Object.entries(body.flows)) {
    const flow = flows[name];
    if (!flow) {
      issues.push({
        path: `body.flows.${name}`,
        code: 'unknown-hotline',
        message: `is not a flow; known: ${Object.keys(flows).join(', ')}`,
      });
      continue;
    }
    const slots = new Map(promptSlots(flow).map((s) => [s.state, s]));
    for (const [state, langs] of Object.entries(states)) {
      const at = `body.flows.${name}.${state}`;
      const slot = slots.get(state);
      if (!slot) {
        issues.push({
          path: at,
          code: 'unknown-state',
          message: `is not a step of ${name} that speaks a prompt`,
        });
        continue;
      }
      if (slot.reads.length > 0) {
        issues.push({
          path: at,
          code: 'prompt-reads-values',
          message: `reads ${slot.reads.map((r) => `{${r}}`).join(', ')} aloud, which a recording cannot`,
        });
        continue;
      }
      const kept = perLanguage(
        at,
        langs,
        slotLanguages(slot).filter((l) => flow.languages.includes(l)),
      );
      if (Object.keys(kept).length > 0) flowsOut[name] = { ...flowsOut[name], [state]: kept };
    }
  }
  const queues = new Set<string>(routing.queues.map((q) => q.name));
  const hold: Record<string, PerLanguage> = {};
  for (const [queue, langs] of Object.entries(body.hold)) {
    const at = `body.hold.${queue}`;
    if (!queues.has(queue)) {
      issues.push({
        path: at,
        code: 'unknown-queue',
        message: `is not a queue; known: ${[...queues].join(', ')}`,
      });
      continue;
    }
    const kept = perLanguage(at, langs, LANGUAGES);
    if (Object.keys(kept).length > 0) hold[queue] = kept;
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return { flows: flowsOut, hold };
}
