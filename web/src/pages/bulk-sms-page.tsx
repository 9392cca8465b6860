// Bulk SMS (/bulk-sms, supervisors and admins): the sends with their progress, the form that makes a draft
// (its counts and first texts shown before anything goes out), and the open send's report and recipients.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Me } from '../api.js';
import { type BulkRecipient, type BulkSmsView, bulkSmsApi } from '../bulk-sms/bulk-sms-api.js';
import { BulkSmsDetail, progressOf } from '../bulk-sms/bulk-sms-detail.js';
import { BulkSmsForm, useBulkText } from '../bulk-sms/bulk-sms-form.js';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';

export function BulkSmsPage({ me }: { me: Me }) {
  const { b } = useBulkText();
  const { errorText } = useErrorText();
  const lead = me.roles.includes('supervisor') || me.roles.includes('admin');
  const [sends, setSends] = useState<BulkSmsView[]>();
  const [open, setOpen] = useState<{ send: BulkSmsView; preview?: readonly BulkRecipient[] }>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      setSends((await bulkSmsApi.list()).items);
    } catch (err) {
      setError(errorText(err));
    }
  }, [errorText]);
  useEffect(() => {
    if (lead) void load();
  }, [load, lead]);

  if (!lead) return <p className="error">{errorText(new ApiError(403, 'forbidden', 'forbidden'))}</p>;
  return (
    <div data-testid="bulk-sms-page">
      <h1>{b('bulkSms')}</h1>
      <p className="muted">{b('bulkSmsHelp')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {open ? (
        <>
          <button
            type="button"
            className="link"
            data-testid="bulk-back"
            onClick={() => {
              setOpen(undefined);
              void load();
            }}
          >
            {b('back')}
          </button>
          <BulkSmsDetail
            key={open.send.id}
            initial={open.send}
            {...(open.preview ? { preview: open.preview } : {})}
            onChanged={() => void load()}
          />
        </>
      ) : (
        <>
          <section className="card" data-testid="bulk-sms-list">
            <h2>{b('sends')}</h2>
            {sends?.length === 0 && <p className="muted">{b('noSends')}</p>}
            <ul className="compact">
              {sends?.map((s) => (
                <li key={s.id} data-testid="bulk-send" data-status={s.status}>
                  <strong>{s.name}</strong> · {b(`status-${s.status}`)} ·{' '}
                  <progress max={100} value={progressOf(s)} /> {progressOf(s)}% · {s.recipients}{' '}
                  <span className="muted">
                    (<CenterTime at={s.createdAt} />)
                  </span>{' '}
                  <button type="button" className="link" onClick={() => setOpen({ send: s })}>
                    {b('open')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <BulkSmsForm onCreated={(send, preview) => setOpen({ send, preview })} />
        </>
      )}
    </div>
  );
}
