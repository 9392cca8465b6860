// The supervisor console's list of refused outbound calls and texts: who tried which number for what,
// and why it was refused; someone with a burst of refusals in a few minutes is flagged, since that is
// what a phished or rogue account trying premium destinations looks like.
import { useCallback, useEffect, useState } from 'react';
import { api, type DialRefusals } from '../api.js';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';

const REFRESH_MS = 10_000;

export function DialRefusalsPanel() {
  const { t, tx } = useLang();
  const { errorText } = useErrorText();
  const [list, setList] = useState<DialRefusals>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      setList(await api.dialRefusals());
      setError(undefined);
    } catch (err) {
      setError(errorText(err));
    }
  }, [errorText]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const items = list?.items ?? [];
  const bursts = Object.entries(list?.bursts ?? {});
  return (
    <section className="card" data-testid="dial-refusals">
      <div className="card-head">
        <h2>
          {t('dialRefusals')} ({list ? items.length : '…'})
        </h2>
        {bursts.map(([actor, count]) => (
          <span key={actor} className="tag warn-tag" data-testid={`burst-${actor}`}>
            {actor}: {count} · {t('refusalBurst')}
          </span>
        ))}
        <span className="muted small">{t('dialRefusalsHint')}</span>
      </div>
      {error && <p className="error">{error}</p>}
      <table className="agents">
        <thead>
          <tr>
            <th>{t('refusedAt')}</th>
            <th>{t('refusedBy')}</th>
            <th>{t('refusedNumber')}</th>
            <th>{t('refusedPurpose')}</th>
            <th>{t('refusedReason')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr
              key={r.id}
              data-testid={`refusal-${r.id}`}
              className={list?.bursts[r.actor] ? 'overdue' : undefined}
            >
              <td>
                <CenterTime at={r.at} clock />
              </td>
              <td data-testid="actor">{r.actor}</td>
              <td data-testid="number">{r.number}</td>
              <td data-testid="purpose">{tx(`purpose_${r.purpose}`)}</td>
              <td data-testid="reason" title={r.message}>
                {tx(`reason_${r.reason}`)}
              </td>
            </tr>
          ))}
          {items.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
