// The supervisor console's callback list (待回电): everyone owed a call this week, overdue first, with
// call now, reschedule, cancel and automatic dialling per row. Every change carries the version the
// supervisor saw; a 409 (someone or the dialler changed it first) is shown and the list reloaded.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api.js';
import { centerNow } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { type CallbackList, type Change, type ChangeOutcome, loadCallbacks } from './callback-list.js';
import { CallbackRow } from './callback-row.js';

const REFRESH_MS = 10_000;

export function CallbacksPanel() {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [list, setList] = useState<CallbackList>();
  const [loadedAt, setLoadedAt] = useState(() => centerNow());
  const [loadError, setLoadError] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [pending, setPending] = useState<string>();

  const load = useCallback(async () => {
    const at = centerNow();
    try {
      setList(await loadCallbacks(api.dueTasks, at));
      setLoadedAt(at);
      setLoadError(undefined);
    } catch (err) {
      setLoadError(errorText(err));
    }
  }, [errorText]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  /** Sends one change with the version of `task` the supervisor saw, then reloads the list. */
  const change: Change = async (label, task, patch) => {
    setPending(task.id);
    let outcome: ChangeOutcome = 'ok';
    try {
      await api.updateTask(task.id, { version: task.version, ...patch });
      setMessage({ kind: 'ok', text: `${label} ✓ ${task.phone ?? ''}` });
    } catch (err) {
      outcome = err instanceof ApiError && err.status === 409 ? 'conflict' : 'error';
      const text = outcome === 'conflict' ? `${t('changedElsewhere')} (${errorText(err)})` : errorText(err);
      setMessage({ kind: 'error', text: `${label}: ${text}` });
    } finally {
      setPending(undefined);
    }
    await load();
    return outcome;
  };

  const items = list?.items ?? [];
  const overdue = items.filter((task) => Date.parse(task.dueAt) < loadedAt).length;
  return (
    <section className="card callbacks" data-testid="callbacks">
      <div className="card-head">
        <h2>
          {t('callbacks')} ({list ? items.length : '…'})
        </h2>
        {overdue > 0 && (
          <span className="tag warn-tag" data-testid="overdue-count">
            {overdue} {t('overdueCount')}
          </span>
        )}
        <span className="muted small">{t('callbacksHint')}</span>
      </div>
      {message && (
        <p
          className={`toast ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="callbacks-message"
        >
          {message.text}
        </p>
      )}
      {loadError && <p className="error">{loadError}</p>}
      <table className="callbacks-table">
        <thead>
          <tr>
            <th>{t('dueAt')}</th>
            <th>{t('customerNumber')}</th>
            <th>{t('assigneeOrQueue')}</th>
            <th>{t('attemptsHeader')}</th>
            <th>{t('dialMode')}</th>
            <th>{t('notes')}</th>
            <th>{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((task) => (
            <CallbackRow
              key={task.id}
              task={task}
              nowMs={loadedAt}
              busy={pending === task.id}
              change={change}
            />
          ))}
          {list && items.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                {t('none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {list?.truncated && <p className="muted small">{t('callbacksCapped')}</p>}
    </section>
  );
}
