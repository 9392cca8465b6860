// One row of the supervisor's callback list. Reschedule and cancel are two-step (an inline time editor; a
// Cancel button that turns into Confirm cancel), and both send the version the row had when the step
// began, so a change made meanwhile by someone else or by the dialler is refused, not overwritten.
import { useState } from 'react';
import type { Task } from '../api.js';
import { CenterTime, centerNow, useWallZone } from '../center-zone.js';
import { isoOfLocalInput, localInputValue } from '../desk/schedule.js';
import { VoicemailNote } from '../desk/voicemail-note.js';
import { useErrorText } from '../errors.js';
import { type LabelKey, useLang } from '../i18n.js';
import { voicemailOfNote } from '../voicemail-api.js';
import { type Change, isOverdue, noteLines } from './callback-list.js';

export function CallbackRow({
  task,
  nowMs,
  busy,
  change,
}: {
  task: Task;
  nowMs: number;
  busy: boolean;
  change: Change;
}) {
  const { t, tx } = useLang();
  const { codeName } = useErrorText();
  const [editing, setEditing] = useState<{ seen: Task; value: string }>();
  const [confirming, setConfirming] = useState<Task>();
  const [badTime, setBadTime] = useState(false);
  // Typed on the center's clock, as every time in the list is shown.
  const zone = useWallZone();
  const overdue = isOverdue(task, nowMs);
  const { reason, latest } = noteLines(task.note);
  const send = async (label: LabelKey, seen: Task, patch: Parameters<Change>[2]) => {
    const outcome = await change(t(label), seen, patch);
    // A refused time stays in the editor to be corrected; otherwise the step is over.
    if (outcome !== 'error') setEditing(undefined);
    setConfirming(undefined);
  };
  const save = () => {
    if (!editing) return;
    const dueAt = isoOfLocalInput(editing.value, zone);
    setBadTime(!dueAt);
    if (dueAt) void send('reschedule', editing.seen, { dueAt });
  };
  return (
    <tr className={overdue ? 'overdue' : ''} data-testid={`callback-${task.id}`}>
      <td className="due" data-testid="due">
        <CenterTime at={task.dueAt} />
        {overdue && (
          <span className="tag warn-tag" data-testid="overdue">
            {t('overdueMark')}
          </span>
        )}
      </td>
      <td>
        <strong data-testid="phone">{task.phone ?? '—'}</strong>
        <div className="muted small">{tx(`task_${task.kind}`)}</div>
      </td>
      <td className="rings" data-testid="rings">
        {task.assigneeId ?? (task.queue && codeName('queue', task.queue)) ?? '—'}
        {task.assigneeId && task.queue && (
          <span className="muted small"> · {codeName('queue', task.queue)}</span>
        )}
      </td>
      <td data-testid="attempts">
        {task.attempts}/{task.maxAttempts}
      </td>
      <td className="nowrap">
        <span className={`tag ${task.autoDial ? 'auto-dial' : ''}`} data-testid="dial-mode">
          {task.autoDial ? t('autoDialMark') : t('manualMark')}
        </span>{' '}
        {(task.autoDial || task.phone) && (
          <button
            type="button"
            className="small-btn secondary"
            data-testid="toggle-auto-dial"
            aria-pressed={task.autoDial === true}
            disabled={busy}
            onClick={() =>
              void send(task.autoDial ? 'autoDialOff' : 'autoDialOn', task, { autoDial: !task.autoDial })
            }
          >
            {task.autoDial ? t('autoDialOff') : t('autoDialOn')}
          </button>
        )}
      </td>
      <td className="reason" title={task.note}>
        {voicemailOfNote(reason) ? <VoicemailNote sid={voicemailOfNote(reason) ?? ''} /> : reason}
        {latest && (
          <div className="muted small" data-testid="latest-attempt">
            {t('latestAttempt')}: {latest}
          </div>
        )}
      </td>
      <td className="actions">
        {editing ? (
          <div className="row tight">
            <input
              type="datetime-local"
              aria-label={t('newDueTime')}
              aria-invalid={badTime}
              value={editing.value}
              onChange={(e) => setEditing({ ...editing, value: e.target.value })}
            />
            <button type="button" className="small-btn" disabled={busy} onClick={save}>
              {t('saveTime')}
            </button>
            <button type="button" className="small-btn secondary" onClick={() => setEditing(undefined)}>
              {t('closeEditor')}
            </button>
            {badTime && <span className="error small">{t('badDueTime')}</span>}
          </div>
        ) : confirming ? (
          <div className="row tight">
            <button
              type="button"
              className="small-btn danger"
              disabled={busy}
              onClick={() => void send('cancelCallback', confirming, { status: 'cancelled' })}
            >
              {t('confirmCancel')}
            </button>
            <button type="button" className="small-btn secondary" onClick={() => setConfirming(undefined)}>
              {t('keepCallback')}
            </button>
          </div>
        ) : (
          <div className="row tight">
            <button
              type="button"
              className="small-btn"
              disabled={busy}
              onClick={() => void send('callNow', task, { dueAt: new Date(centerNow()).toISOString() })}
            >
              {t('callNow')}
            </button>
            <button
              type="button"
              className="small-btn secondary"
              onClick={() => {
                setBadTime(false);
                setEditing({ seen: task, value: localInputValue(Date.parse(task.dueAt), zone) });
              }}
            >
              {t('reschedule')}
            </button>
            <button type="button" className="small-btn secondary" onClick={() => setConfirming(task)}>
              {t('cancelCallback')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
