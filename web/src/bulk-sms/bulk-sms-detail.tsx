// One bulk send: its progress, start/pause/cancel, the report (recipients by status, the skipped ones by
// reason, the delivery rate), the first filled texts of a new draft, and the recipients page by page.
import { useCallback, useEffect, useState } from 'react';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { BULK_SMS_LABELS, type BulkSmsLabel } from '../labels-bulk-sms.js';
import {
  type BulkRecipient,
  type BulkSmsView,
  bulkSmsApi,
  RECIPIENT_ORDER,
  type RecipientStatus,
} from './bulk-sms-api.js';
import { useBulkText } from './bulk-sms-form.js';

/**
 * How often a sending send is read again while open. The push channel has no topic for bulk sends yet;
 * a send moves at most a minute's rate at a time, so a few seconds is fresh enough.
 */
const REFRESH_MS = 5_000;

/**
 * The share of the texts to send that have left (sent, delivered or failed). Skipped recipients (no valid
 * number, opted out) were never to be sent, so a draft reads 0% however many the list skips.
 */
export function progressOf(send: BulkSmsView): number {
  const { report } = send;
  const sendable = send.recipients - report.skipped;
  if (sendable <= 0) return send.status === 'done' ? 100 : 0;
  const open = report.toSend + report.queued;
  return Math.round(((sendable - open) / sendable) * 100);
}

export function RecipientRows({ items }: { items: readonly BulkRecipient[] }) {
  const { b } = useBulkText();
  const reason = (error: string | undefined) => {
    if (!error) return '';
    const key = `reason-${error}` as BulkSmsLabel;
    return key in BULK_SMS_LABELS ? b(key) : error;
  };
  return (
    <table className="compact" data-testid="bulk-recipients">
      <thead>
        <tr>
          <th>{b('phone')}</th>
          <th>{b('name')}</th>
          <th>{b('text')}</th>
          <th>{b('status')}</th>
          <th>{b('error')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-testid="bulk-recipient" data-status={r.status}>
            <td>{r.phone}</td>
            <td>{r.name ?? ''}</td>
            <td>{r.body ?? ''}</td>
            <td>{b(`recipient-${r.status}` as BulkSmsLabel)}</td>
            <td>{reason(r.error)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BulkSmsDetail({
  initial,
  preview,
  onChanged,
}: {
  initial: BulkSmsView;
  preview?: readonly BulkRecipient[];
  onChanged: (send: BulkSmsView) => void;
}) {
  const { b } = useBulkText();
  const { errorText } = useErrorText();
  const [send, setSend] = useState(initial);
  const [rows, setRows] = useState<BulkRecipient[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { id } = initial;

  const reload = useCallback(async () => {
    try {
      const [fresh, page] = await Promise.all([bulkSmsApi.get(id), bulkSmsApi.recipients(id)]);
      setSend(fresh);
      setRows(page.items);
      setCursor(page.cursor);
    } catch (err) {
      setError(errorText(err));
    }
  }, [id, errorText]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (send.status !== 'sending') return;
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [send.status, reload]);

  const act = async (action: 'start' | 'pause' | 'cancel') => {
    if (action === 'cancel' && !window.confirm(b('cancelConfirm'))) return;
    setBusy(true);
    try {
      const changed = await bulkSmsApi.act(id, action);
      setSend(changed);
      onChanged(changed);
      setError(undefined);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const more = async () => {
    if (!cursor) return;
    const page = await bulkSmsApi.recipients(id, cursor);
    setRows([...rows, ...page.items]);
    setCursor(page.cursor);
  };

  const { report } = send;
  const rate = report.deliveryRate === null ? '—' : `${Math.round(report.deliveryRate * 1000) / 10}%`;
  return (
    <section className="card" data-testid="bulk-sms-detail" data-status={send.status}>
      <h2>
        {send.name} · <span data-testid="bulk-status">{b(`status-${send.status}`)}</span>
      </h2>
      <p className="muted">
        {send.sender} · {send.ratePerMinute}/min · {send.quietHours.from}–{send.quietHours.until} ·{' '}
        <CenterTime at={send.createdAt} />
      </p>
      <div className="row">
        <progress max={100} value={progressOf(send)} data-testid="bulk-progress" />{' '}
        <span>
          {b('progress')} {progressOf(send)}%
        </span>
      </div>
      <div className="row">
        {(send.status === 'draft' || send.status === 'paused') && (
          <button type="button" data-testid="bulk-start" disabled={busy} onClick={() => void act('start')}>
            {b(send.status === 'draft' ? 'start' : 'resume')}
          </button>
        )}
        {send.status === 'sending' && (
          <button type="button" data-testid="bulk-pause" disabled={busy} onClick={() => void act('pause')}>
            {b('pause')}
          </button>
        )}
        {(send.status === 'draft' || send.status === 'sending' || send.status === 'paused') && (
          <button type="button" data-testid="bulk-cancel" disabled={busy} onClick={() => void act('cancel')}>
            {b('cancel')}
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h3>{b('report')}</h3>
      <dl data-testid="bulk-report">
        <dt>{b('recipientsTotal')}</dt>
        <dd data-testid="bulk-count-recipients">{send.recipients}</dd>
        <dt>{b('deliveryRate')}</dt>
        <dd data-testid="bulk-delivery-rate">{rate}</dd>
        <dt>{b('skipped')}</dt>
        <dd data-testid="bulk-count-skipped">{report.skipped}</dd>
        {RECIPIENT_ORDER.map((s: RecipientStatus) => (
          <span key={s} style={{ display: 'contents' }}>
            <dt>{b(`recipient-${s}`)}</dt>
            <dd data-testid={`bulk-count-${s}`}>{report[s]}</dd>
          </span>
        ))}
      </dl>
      {preview && preview.length > 0 && send.status === 'draft' && (
        <div data-testid="bulk-preview">
          <h3>{b('preview')}</h3>
          <RecipientRows items={preview} />
        </div>
      )}
      <h3>{b('recipients')}</h3>
      <RecipientRows items={rows} />
      {cursor && (
        <button type="button" onClick={() => void more()}>
          {b('more')}
        </button>
      )}
    </section>
  );
}
