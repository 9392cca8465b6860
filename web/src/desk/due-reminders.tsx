// The reminder banner under the state bar: my tasks that came due and need me (see reminders.ts), each
// with Call back and Dismiss; a system notification when one comes due while the tab is hidden.
import { useEffect, useRef, useState } from 'react';
import { api, type Task } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { usePollInterval, usePushed } from '../connection/push-bus.js';
import { useLang } from '../i18n.js';
import { dueReminders, loadDismissed, newlyDue, saveDismissed } from './reminders.js';

const POLL_MS = 30_000;
const TICK_MS = 10_000;
const SHOWN = 3;

export function DueReminders({
  reload,
  onCallBack,
}: {
  reload: number;
  onCallBack: (phone: string) => void;
}) {
  const { t, tx } = useLang();
  const [tasks, setTasks] = useState<readonly Task[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const [dismissed, setDismissed] = useState(() => loadDismissed(sessionStorage));
  const announced = useRef(new Set<string>());

  const pushed = usePushed('tasks');
  const pollMs = usePollInterval(POLL_MS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload and pushed are refresh triggers.
  useEffect(() => {
    let alive = true;
    const load = () =>
      api.myTasks().then(
        (r) => alive && setTasks(r.items),
        () => {},
      );
    void load();
    const poll = setInterval(load, pollMs);
    const tick = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => {
      alive = false;
      clearInterval(poll);
      clearInterval(tick);
    };
  }, [reload, pushed, pollMs]);

  const due = dueReminders(tasks, now, dismissed);
  useEffect(() => {
    const fresh = newlyDue(due, announced.current);
    for (const task of fresh) announced.current.add(task.id);
    if (!fresh.length || document.visibilityState !== 'hidden') return;
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      const first = fresh[0] as Task;
      new Notification(t('reminder'), { body: describe(first), tag: `reminder-${first.id}` });
    }
  });

  if (!due.length) return null;
  const dismiss = (id: string) => {
    const next = new Set(dismissed).add(id);
    saveDismissed(sessionStorage, next);
    setDismissed(next);
  };
  return (
    <section className="reminders" role="alert" data-testid="reminders">
      <strong>{t('reminder')}</strong>
      <ul>
        {due.slice(0, SHOWN).map((task) => (
          <li key={task.id} data-testid={`reminder-${task.id}`}>
            {tx(`task_${task.kind}`)} · <CenterTime at={task.dueAt} />
            {task.phone ? ` · ${task.phone}` : ''}
            {task.note ? ` · ${task.note}` : ''}{' '}
            {task.phone && (
              <button type="button" className="small-btn" onClick={() => onCallBack(task.phone ?? '')}>
                {t('callBack')}
              </button>
            )}{' '}
            <button type="button" className="small-btn secondary" onClick={() => dismiss(task.id)}>
              {t('dismiss')}
            </button>
          </li>
        ))}
      </ul>
      {due.length > SHOWN && (
        <p className="muted">
          {t('moreReminders')} {due.length - SHOWN}
        </p>
      )}
    </section>
  );
}

function describe(task: Task): string {
  return [task.phone, task.note].filter(Boolean).join(' · ');
}
