// Which prompts the caller hears from a recording: an assigned one in the bucket plays (inside a Gather too),
// one whose file is gone is spoken, and a call whose flow and queues have no recording is marked so that its
// later documents and its wait read nothing more.
import { describe, expect, it } from 'vitest';
import { holdMusicUrl, SPOKEN_VAR, withRecordedPrompts } from '../../functions/app/recorded-prompts.js';
import { SETTING_CACHE_MS } from '../../functions/app/setting-history.js';
import type { MediaStore } from '../../functions/domain/channel-ports.js';
import type { IvrStep, Session } from '../../functions/domain/ivr/steps.js';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import type { SettingsRepo } from '../../functions/domain/ports.js';
import {
  PROMPT_ASSIGNMENTS_SETTING,
  PROMPT_LIBRARY_SETTING,
  type PromptAssignments,
  type RecordedPrompt,
} from '../../functions/domain/prompts/prompt-library.js';

const clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));

function settingsWith(docs: Record<string, unknown>) {
  let reads = 0;
  const repo: SettingsRepo = {
    async get<T>(name: string) {
      reads++;
      return docs[name] as T | undefined;
    },
    async getMany(names) {
      reads++;
      return new Map(names.filter((n) => n in docs).map((n) => [n, docs[n]]));
    },
    async put(name, value) {
      docs[name] = value;
    },
    async change(name, change) {
      docs[name] = change(docs[name] as never);
      return docs[name] as never;
    },
  };
  return { repo, reads: () => reads };
}

const inBucket = new Set<string>();
const media: MediaStore = {
  async put() {},
  async head(key) {
    return inBucket.has(key) ? { size: 100 } : undefined;
  },
  async read() {
    return undefined;
  },
  async digest() {
    return undefined;
  },
  async presignGet(key, ttl) {
    return `https://media.example.test/${key}?X-Amz-Expires=${ttl}`;
  },
};

const recording = (id: string): RecordedPrompt => ({
  id,
  name: id,
  language: 'zh',
  format: 'wav',
  contentType: 'audio/wav',
  durationSeconds: 2,
  sizeBytes: 100,
  sha256: 'x',
  s3Key: `prompts/${id}.wav`,
  uploadedBy: 'admin',
  at: '2026-03-02T02:00:00.000Z',
});

const session: Session = { flow: 'warranty', state: 'chooseLanguage', lang: 'zh', attempt: 0, vars: {} };
const greet: IvrStep = {
  kind: 'say',
  text: '您好',
  language: 'zh',
  prompt: { flow: 'warranty', state: 'greet' },
};
const menu: IvrStep = {
  kind: 'gather',
  input: 'dtmf',
  language: 'zh',
  timeout: 6,
  prompts: [
    { kind: 'say', text: '请按1', language: 'zh', prompt: { flow: 'warranty', state: 'chooseLanguage' } },
  ],
  session,
};

describe('withRecordedPrompts', () => {
  it('plays assigned recordings that are in the bucket and speaks one whose file is gone', async () => {
    inBucket.add('prompts/a.wav');
    const assignments: PromptAssignments = {
      flows: { warranty: { greet: { zh: 'a' }, chooseLanguage: { zh: 'b' } } },
      hold: {},
    };
    const { repo } = settingsWith({
      [PROMPT_ASSIGNMENTS_SETTING]: assignments,
      [PROMPT_LIBRARY_SETTING]: { items: [recording('a'), recording('b')] },
    });
    const heard = await withRecordedPrompts({ clock, store: { settings: repo }, media }, [greet, menu]);
    expect(heard[0]).toEqual({ kind: 'play', url: expect.stringContaining('prompts/a.wav') });
    expect(heard[1]).toMatchObject({ kind: 'gather', prompts: [{ kind: 'say', text: '请按1' }] });
  });

  it('speaks everything without a bucket', async () => {
    const { repo, reads } = settingsWith({});
    expect(await withRecordedPrompts({ clock, store: { settings: repo } }, [greet, menu])).toEqual([
      greet,
      menu,
    ]);
    expect(reads()).toBe(0);
  });

  it('marks a call with nothing assigned, and reads nothing more for it', async () => {
    const { repo, reads } = settingsWith({});
    const heard = await withRecordedPrompts({ clock, store: { settings: repo }, media }, [greet, menu]);
    expect(reads()).toBe(1);
    expect(heard[0]).toEqual(greet);
    const marked = (heard[1] as Extract<IvrStep, { kind: 'gather' }>).session;
    expect(marked.vars[SPOKEN_VAR]).toBe('yes');
    await withRecordedPrompts({ clock, store: { settings: repo }, media }, [{ ...menu, session: marked }]);
    expect(
      await holdMusicUrl({ clock, store: { settings: repo }, media }, marked, 'general'),
    ).toBeUndefined();
    expect(reads()).toBe(1);
  });

  it('reads the assignments once for the calls of a few seconds, then again', async () => {
    const { repo, reads } = settingsWith({});
    for (let i = 0; i < 5; i++)
      await withRecordedPrompts({ clock, store: { settings: repo }, media }, [greet]);
    expect(reads()).toBe(1);
    await clock.advance(SETTING_CACHE_MS);
    await withRecordedPrompts({ clock, store: { settings: repo }, media }, [greet]);
    expect(reads()).toBe(2);
  });

  it('does not mark a call while a queue has hold music, which then plays', async () => {
    inBucket.add('prompts/m.wav');
    const { repo } = settingsWith({
      [PROMPT_ASSIGNMENTS_SETTING]: { flows: {}, hold: { general: { zh: 'm' } } },
      [PROMPT_LIBRARY_SETTING]: { items: [recording('m')] },
    });
    const heard = await withRecordedPrompts({ clock, store: { settings: repo }, media }, [greet, menu]);
    const s = (heard[1] as Extract<IvrStep, { kind: 'gather' }>).session;
    expect(s.vars[SPOKEN_VAR]).toBeUndefined();
    expect(await holdMusicUrl({ clock, store: { settings: repo }, media }, s, 'general')).toContain(
      'prompts/m.wav',
    );
    expect(
      await holdMusicUrl({ clock, store: { settings: repo }, media }, { ...s, lang: 'en' }, 'general'),
    ).toBeUndefined();
  });
});
