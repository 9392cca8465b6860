// Keeps the whole twin in a file of the data folder: loads it at start (records first, so provisioning and
// reconciliation find them; calls set going once the app answers), and saves it a moment after each change
// and on a clean stop. Messages and the webhook log are not kept: they matter only while they happen.
import type { TimerClock } from '../../../../functions/domain/manual-clock.js';
import type { Twin } from '../create-twin.js';
import {
  restoreTaskRouter,
  resumeInstructions,
  snapshotTaskRouter,
  type TaskRouterState,
} from '../taskrouter/snapshot.js';
import { type ResumeReport, resumeCalls } from '../voice/resume.js';
import { restoreVoice, snapshotVoice, type VoiceState } from '../voice/snapshot.js';
import { createDebouncedSave } from './debounced-save.js';
import { readStateFile, writeStateFile } from './state-file.js';

export interface TwinState {
  readonly voice: VoiceState;
  readonly taskrouter: TaskRouterState;
}

function isTwinState(value: unknown): value is TwinState {
  const v = value as Partial<TwinState> | undefined;
  return (
    Array.isArray(v?.voice?.calls) &&
    Array.isArray(v?.voice?.queues) &&
    Array.isArray(v?.voice?.conferences) &&
    Array.isArray(v?.taskrouter?.workspaces)
  );
}

export interface TwinPersistence {
  /** What the file held: nothing, a state (restored), or an unreadable file moved aside. */
  readonly loaded: 'none' | 'restored' | 'moved-aside';
  /** Sets restored calls and ringing offers going again; call once the app can answer webhooks. */
  resume(): ResumeReport & { readonly offers: number };
  /** Saves now if anything changed (clean stop). */
  flush(): void;
  stop(): void;
}

export function persistTwin(
  twin: Twin,
  options: { readonly path: string; readonly clock: TimerClock; readonly log: (line: string) => void },
): TwinPersistence {
  const { path, clock, log } = options;
  const file = readStateFile(path, isTwinState, clock.now());
  if (file.kind === 'moved-aside')
    log(
      `Twilio twin: the saved state could not be read (${file.reason}); moved to ${file.movedTo}, starting empty`,
    );
  if (file.kind === 'loaded') {
    try {
      restoreVoice(twin.voice.voice, file.state.voice);
      restoreTaskRouter(twin.taskrouter.core, file.state.taskrouter);
    } catch (error) {
      // A state this code cannot rebuild must not keep the stack from starting.
      log(`Twilio twin: the saved state could not be restored (${(error as Error).message}); starting empty`);
      twin.voice.voice.calls.clear();
      twin.voice.voice.queues.queues.clear();
      twin.voice.voice.conferences.conferences.clear();
      twin.voice.voice.recordings.recordings.clear();
      twin.taskrouter.core.workspaces.clear();
    }
  }
  const save = () =>
    writeStateFile(
      path,
      { voice: snapshotVoice(twin.voice.voice), taskrouter: snapshotTaskRouter(twin.taskrouter.core) },
      clock.now(),
    );
  const saver = createDebouncedSave(clock, () => {
    try {
      save();
    } catch (error) {
      log(`Twilio twin: saving its state failed: ${(error as Error).message}`);
    }
  });
  const unsubscribe = twin.onChange(() => saver.changed());
  return {
    loaded: file.kind === 'loaded' ? 'restored' : file.kind,
    resume() {
      const calls = resumeCalls(twin.voice.voice);
      const offers = resumeInstructions(twin.taskrouter.core);
      saver.changed();
      return { ...calls, offers };
    },
    flush: () => saver.flush(),
    stop() {
      unsubscribe();
      saver.stop();
    },
  };
}
