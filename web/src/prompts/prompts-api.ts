// Calls to the recorded prompts routes (admins): the library, where a recording may go, the assignments
// and their history.
import type { Language } from '../../../functions/domain/model.js';
import type { PromptAssignments, RecordedPrompt } from '../../../functions/domain/prompts/prompt-library.js';
import type { PromptSlot } from '../../../functions/domain/prompts/prompt-slots.js';
import { call } from '../api.js';

export type { Language, PromptAssignments, PromptSlot, RecordedPrompt };

export interface AssignmentVersion {
  readonly version: number;
  readonly value: PromptAssignments | null;
  readonly by: string;
  readonly at: string;
  readonly restoredFrom?: number;
}

function upload(file: File, language: Language, name: string): Promise<RecordedPrompt> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('language', language);
  if (name.trim()) form.append('name', name.trim());
  return call<RecordedPrompt>('POST', '/admin/prompts', form);
}

export const promptsApi = {
  list: () => call<{ items: RecordedPrompt[] }>('GET', '/admin/prompts'),
  upload,
  audio: (id: string) => call<{ url: string }>('GET', `/admin/prompts/${encodeURIComponent(id)}/audio`),
  remove: (id: string) => call<void>('DELETE', `/admin/prompts/${encodeURIComponent(id)}`),
  slots: () => call<{ slots: PromptSlot[]; queues: string[] }>('GET', '/admin/prompt-slots'),
  assignments: () => call<PromptAssignments>('GET', '/admin/prompt-assignments'),
  assign: (body: PromptAssignments) => call<PromptAssignments>('PUT', '/admin/prompt-assignments', body),
  history: () => call<{ items: AssignmentVersion[] }>('GET', '/admin/settings/prompt-assignments/history'),
  restore: (version: number) =>
    call<AssignmentVersion>('POST', '/admin/settings/prompt-assignments/restore', { version }),
};
