// The right-hand column: the live queue (wait times, VIP marks, pick a call, take a colleague's ringing
// call), click-to-dial with a caller id (or a colleague by agent number), my missed calls, and my tasks with due times (automatic dialling
// shown, and switched off or on, per task; a voicemail's callback named by its caller, not its recording).
import { type FormEvent, useEffect, useState } from 'react';
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import type { PushTopic } from '../../../functions/domain/push-topics.js';
import { api, type Task, type TaskKind } from '../api.js';
import { CenterTime, centerNow, useWallZone } from '../center-zone.js';
import { usePollInterval, usePushed } from '../connection/push-bus.js';
import { deskApi, type InternalCall, type MissedCall, type WaitingCall } from '../desk-api.js';
import { useErrorText } from '../errors.js';
import { HotlineSelect } from '../hotline-select.js';
import { useLang } from '../i18n.js';
import { voicemailOfNote } from '../voicemail-api.js';
import { clockTime } from './schedule.js';
import { formatDuration } from './state-bar.js';
import { VoicemailNote } from './voicemail-note.js';

type Run = (label: string, action: () => Promise<unknown>) => Promise<void>;

/**
 * Loads now, again whenever `reload` changes or `topic` is pushed, and every `ms` while the push channel
 * is down (only every few minutes while it is up: pushes say when to load).
 */
export function usePolled<T>(
  load: () => Promise<T>,
  ms: number,
  reload = 0,
  topic?: PushTopic,
  /** Keep polling every `ms` while this holds of the last value, push or not. */
  keepPolling?: (value: T | undefined) => boolean,
): T | undefined {
  const [value, setValue] = useState<T>();
  const pushed = usePushed(topic ?? 'me');
  const changed = topic ? pushed : 0;
  const pushedMs = usePollInterval(ms);
  const interval = keepPolling?.(value) ? ms : pushedMs;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload and changed are refresh triggers.
  useEffect(() => {
    let alive = true;
    const tick = () =>
      load().then(
        (v) => alive && setValue(v),
        () => {},
      );
    void tick();
    const timer = setInterval(tick, interval);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [load, interval, reload, changed]);
  return value;
}

const loadQueue = () => deskApi.queue().then((r) => r.items);
const anyWaiting = (items: readonly WaitingCall[] | undefined) => (items?.length ?? 0) > 0;
const loadMissed = () => deskApi.missedCalls().then((r) => r.items);
const loadTasks = () => api.myTasks().then((r) => r.items);

export function QueuePanel({ me, run, onPick }: { me: string; run: Run; onPick: () => void }) {
  const { t, tx } = useLang();
  const { codeName } = useErrorText();
  // Callers are announced once they wait; their wait times, rings and departures are read while any wait.
  const items = usePolled<WaitingCall[]>(loadQueue, 3000, 0, 'queue', anyWaiting);
  return (
    <section className="card" data-testid="queue">
      <h2>
        {t('liveQueue')} ({items?.length ?? '…'})
      </h2>
      <ul className="compact">
        {items?.map((w) => (
          <li key={w.taskSid} className={w.vip !== 'none' ? 'vip-row' : ''}>
            <strong>{w.from ?? '—'}</strong>{' '}
            {w.channel && <span className="tag">{t(w.channel === 'sms' ? 'textTag' : 'faxTag')}</span>}{' '}
            {w.vip !== 'none' && <span className="tag vip">VIP {tx(`tier_${w.vip}`)}</span>}{' '}
            <span className="muted">
              {w.queue ? codeName('queue', w.queue) : ''} · {formatDuration(w.waitSeconds)}
              {w.status === 'reserved' && w.ringingAgentId ? ` · ${t('ringing')} ${w.ringingAgentId}` : ''}
            </span>{' '}
            {/* A text or fax goes to the next agent free on its own: there is no call to pick. */}
            {w.ringingAgentId !== me && !w.channel && (
              <button
                type="button"
                className="small-btn"
                onClick={() => {
                  onPick();
                  void run(t('pick'), () => deskApi.pick(w.taskSid));
                }}
              >
                {w.status === 'reserved' ? t('pickUp') : t('pick')}
              </button>
            )}
          </li>
        ))}
        {items?.length === 0 && <li className="muted">{t('queueEmpty')}</li>}
      </ul>
    </section>
  );
}

/** A colleague's agent number (an extension's shape) rather than a phone number: dialled internally. */
const AGENT_NUMBER = /^\d{2,8}$/;

export function DialPanel({
  run,
  onDial,
  onCallColleague,
  internalCall,
}: {
  run: Run;
  onDial: () => void;
  onCallColleague: (number: string) => Promise<void>;
  /** My last call with a colleague: how it ended, when it did not go through. */
  internalCall?: InternalCall | undefined;
}) {
  const { t, tx } = useLang();
  const [to, setTo] = useState('');
  const [callerId, setCallerId] = useState<string>(HOTLINE_NUMBERS[0].number);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const number = to.trim();
    if (!number) return;
    if (AGENT_NUMBER.test(number)) {
      void run(t('dial'), () => onCallColleague(number));
      return;
    }
    onDial();
    void run(t('dial'), () => deskApi.dial(number, callerId));
  };
  const missed =
    internalCall?.role === 'caller' && ['declined', 'no-answer', 'failed'].includes(internalCall.status)
      ? internalCall
      : undefined;
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('clickToDial')}</h2>
      <div className="row">
        <input
          aria-label={t('numberToDial')}
          title={t('dialHint')}
          placeholder="+86138… / 1002"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <button type="submit">{t('dial')}</button>
      </div>
      {missed && (
        <p className="muted small" role="status" data-testid="internal-outcome">
          {missed.peer.name} ({t('agentNumber')} {missed.peer.number}): {tx(`internal_${missed.status}`)}
        </p>
      )}
      <label className="small">
        {t('callerId')}
        <HotlineSelect value={callerId} onChange={setCallerId} />
      </label>
    </form>
  );
}

export function MissedPanel({ onCallBack }: { onCallBack: (phone: string) => void }) {
  const { t } = useLang();
  const { codeName } = useErrorText();
  const items = usePolled<MissedCall[]>(loadMissed, 10_000, 0, 'missed');
  return (
    <section className="card">
      <h2>
        {t('missedCalls')} ({items?.length ?? '…'})
      </h2>
      <ul className="compact">
        {items?.map((m) => (
          <li key={`${m.callSid}-${m.at}`} data-testid="missed-call">
            {m.from}{' '}
            <span className="muted">
              {m.time} · {t(`missed_${m.reason}`)}
              {m.queue ? ` · ${codeName('queue', m.queue)}` : ''}
            </span>{' '}
            <button type="button" className="small-btn secondary" onClick={() => onCallBack(m.from)}>
              {t('callBack')}
            </button>
          </li>
        ))}
        {items?.length === 0 && <li className="muted">{t('none')}</li>}
      </ul>
    </section>
  );
}

const DIALLABLE: readonly TaskKind[] = ['callback', 'outbound-call'];

export function TasksPanel({
  reload,
  run,
  onCallBack,
}: {
  reload: number;
  run: Run;
  onCallBack: (phone: string) => void;
}) {
  const { t } = useLang();
  const [changed, setChanged] = useState(0);
  const items = usePolled<Task[]>(loadTasks, 30_000, reload + changed, 'tasks');
  const now = centerNow();
  // With the task's version: a 409 means someone (or the dialler) changed it first; reload either way.
  const toggle = (task: Task) =>
    void run(task.autoDial ? t('autoDialOff') : t('autoDialOn'), async () => {
      try {
        await api.updateTask(task.id, { version: task.version, autoDial: !task.autoDial });
      } finally {
        setChanged((n) => n + 1);
      }
    });
  return (
    <section className="card" data-testid="tasks">
      <h2>
        {t('myTasks')} ({items?.length ?? '…'})
      </h2>
      <ul className="compact">
        {items?.map((task) => (
          <TaskRow
            key={task.id}
            task={task}
            overdue={task.status === 'open' && Date.parse(task.dueAt) < now}
            onCallBack={onCallBack}
            onToggle={toggle}
          />
        ))}
        {items?.length === 0 && <li className="muted">{t('none')}</li>}
      </ul>
    </section>
  );
}

function TaskRow({
  task,
  overdue,
  onCallBack,
  onToggle,
}: {
  task: Task;
  overdue: boolean;
  onCallBack: (phone: string) => void;
  onToggle: (task: Task) => void;
}) {
  const { t, tx } = useLang();
  const zone = useWallZone();
  const open = task.status === 'open';
  return (
    <li className={overdue ? 'overdue' : ''} data-testid={`task-${task.id}`}>
      {tx(`task_${task.kind}`)} · <CenterTime at={task.dueAt} />
      {task.phone ? ` · ${task.phone}` : ''}
      {voicemailOfNote(task.note) ? (
        <>
          {' · '}
          <VoicemailNote sid={voicemailOfNote(task.note) ?? ''} />
        </>
      ) : task.note ? (
        ` · ${task.note}`
      ) : (
        ''
      )}
      {open && task.autoDial && (
        <span className="tag auto-dial" data-testid="auto-dial">
          ☎ {t('autoDialAt')} {clockTime(task.dueAt, zone)}
        </span>
      )}
      {task.attempts > 0 && (
        <span className="tag" data-testid="attempts">
          {t('attempts')} {task.attempts}/{task.maxAttempts}
        </span>
      )}
      {task.phone && (
        <span className="task-actions">
          <button type="button" className="small-btn secondary" onClick={() => onCallBack(task.phone ?? '')}>
            {t('callBack')}
          </button>
          {open && DIALLABLE.includes(task.kind) && (
            <button
              type="button"
              className="small-btn secondary"
              data-testid="toggle-auto-dial"
              aria-pressed={task.autoDial === true}
              onClick={() => onToggle(task)}
            >
              {task.autoDial ? t('autoDialOff') : t('autoDialOn')}
            </button>
          )}
        </span>
      )}
    </li>
  );
}
