// The right-hand column: the live queue (wait times, VIP marks, pick a call, take a colleague's ringing
// call), click-to-dial with a caller id, my missed calls, and my tasks with due times.
import { type FormEvent, useEffect, useState } from 'react';
import { HOTLINE_NUMBERS } from '../../../flows/numbers.js';
import { api, type Task } from '../api.js';
import { deskApi, type MissedCall, type WaitingCall } from '../desk-api.js';
import { useLang } from '../i18n.js';
import { formatDuration } from './state-bar.js';

type Run = (label: string, action: () => Promise<unknown>) => Promise<void>;

function usePolled<T>(load: () => Promise<T>, ms: number): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let alive = true;
    const tick = () =>
      load().then(
        (v) => alive && setValue(v),
        () => {},
      );
    void tick();
    const timer = setInterval(tick, ms);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [load, ms]);
  return value;
}

const loadQueue = () => deskApi.queue().then((r) => r.items);
const loadMissed = () => deskApi.missedCalls().then((r) => r.items);
const loadTasks = () => api.myTasks().then((r) => r.items);

export function QueuePanel({ me, run, onPick }: { me: string; run: Run; onPick: () => void }) {
  const { t } = useLang();
  const items = usePolled<WaitingCall[]>(loadQueue, 3000);
  return (
    <section className="card" data-testid="queue">
      <h2>
        {t('liveQueue')} ({items?.length ?? '…'})
      </h2>
      <ul className="compact">
        {items?.map((w) => (
          <li key={w.taskSid} className={w.vip !== 'none' ? 'vip-row' : ''}>
            <strong>{w.from ?? '—'}</strong>{' '}
            {w.vip !== 'none' && <span className="tag vip">VIP {w.vip}</span>}{' '}
            <span className="muted">
              {w.queue} · {formatDuration(w.waitSeconds)}
              {w.status === 'reserved' && w.ringingAgentId ? ` · ${t('ringing')} ${w.ringingAgentId}` : ''}
            </span>{' '}
            {w.ringingAgentId !== me && (
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

export function DialPanel({ run, onDial }: { run: Run; onDial: () => void }) {
  const { t } = useLang();
  const [to, setTo] = useState('');
  const [callerId, setCallerId] = useState<string>(HOTLINE_NUMBERS[0].number);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to.trim()) return;
    onDial();
    void run(t('dial'), () => deskApi.dial(to.trim(), callerId));
  };
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('clickToDial')}</h2>
      <div className="row">
        <input
          aria-label={t('numberToDial')}
          placeholder="+86138…"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <button type="submit">{t('dial')}</button>
      </div>
      <label className="small">
        {t('callerId')}
        <select value={callerId} onChange={(e) => setCallerId(e.target.value)}>
          {HOTLINE_NUMBERS.map((n) => (
            <option key={n.number} value={n.number}>
              {n.number} · {n.name}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

export function MissedPanel({ onCallBack }: { onCallBack: (phone: string) => void }) {
  const { t } = useLang();
  const items = usePolled<MissedCall[]>(loadMissed, 10_000);
  return (
    <section className="card">
      <h2>
        {t('missedCalls')} ({items?.length ?? '…'})
      </h2>
      <ul className="compact">
        {items?.map((m) => (
          <li key={`${m.callSid}-${m.at}`}>
            {m.from}{' '}
            <span className="muted">
              {new Date(m.at).toLocaleTimeString()} · {m.outcome}
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

export function TasksPanel({ onCallBack }: { onCallBack: (phone: string) => void }) {
  const { t, tx } = useLang();
  const items = usePolled<Task[]>(loadTasks, 30_000);
  const now = Date.now();
  return (
    <section className="card">
      <h2>
        {t('myTasks')} ({items?.length ?? '…'})
      </h2>
      <ul className="compact">
        {items?.map((task) => (
          <li key={task.id} className={Date.parse(task.dueAt) < now ? 'overdue' : ''}>
            {tx(`task_${task.kind}`)} · {new Date(task.dueAt).toLocaleString()}
            {task.note ? ` · ${task.note}` : ''}
            {task.phone && (
              <>
                {' '}
                <button
                  type="button"
                  className="small-btn secondary"
                  onClick={() => onCallBack(task.phone ?? '')}
                >
                  {t('callBack')}
                </button>
              </>
            )}
          </li>
        ))}
        {items?.length === 0 && <li className="muted">{t('none')}</li>}
      </ul>
    </section>
  );
}
