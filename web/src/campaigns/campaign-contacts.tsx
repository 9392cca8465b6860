// A campaign's contacts a page at a time (phone, name, status, attempts, last outcome, disposition), read
// again whenever the campaign's figures change, and the whole list as a CSV download.
import { useEffect, useState } from 'react';
import { useErrorText } from '../errors.js';
import { type Campaign, type CampaignContact, campaignsApi } from './campaigns-api.js';
import { useCampaignText } from './use-campaign-text.js';

const PAGE = 20;

export function CampaignContacts({ campaign }: { campaign: Campaign }) {
  const { c, cx, lang } = useCampaignText();
  const { errorText } = useErrorText();
  // The cursors of the pages before this one, and this one's (undefined: the first page).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<{ items: readonly CampaignContact[]; cursor?: string }>();
  const [error, setError] = useState<string>();
  const cursor = cursors.at(-1);
  const stamp = `${campaign.updatedAt}/${campaign.counts.contacts}/${campaign.counts.done}/${campaign.counts.attempts}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: stamp is the refresh trigger.
  useEffect(() => {
    let alive = true;
    campaignsApi.contacts(campaign.id, PAGE, cursor).then(
      (p) => {
        if (!alive) return;
        setPage(p);
        setError(undefined);
      },
      (err) => {
        if (alive) setError(errorText(err));
      },
    );
    return () => {
      alive = false;
    };
  }, [campaign.id, cursor, stamp, errorText]);

  const disposition = (code: string | undefined) =>
    code ? (campaign.dispositions.find((d) => d.code === code)?.label[lang] ?? code) : '';
  return (
    <section className="card" data-testid="campaign-contacts">
      <div className="card-head">
        <h2>{c('contacts')}</h2>
        <a href={campaignsApi.exportUrl(campaign.id)} download data-testid="campaign-export">
          {c('exportCsv')}
        </a>
      </div>
      {error && <p className="error">{error}</p>}
      {page && page.items.length === 0 ? (
        <p className="muted">{c('noContacts')}</p>
      ) : (
        <table className="settings-table">
          <thead>
            <tr>
              <th>{c('phone')}</th>
              <th>{c('contactName')}</th>
              <th>{c('contactStatus')}</th>
              <th>{c('attempts')}</th>
              <th>{c('lastOutcome')}</th>
              <th>{c('disposition')}</th>
            </tr>
          </thead>
          <tbody>
            {page?.items.map((x) => (
              <tr key={x.id} data-testid={`campaign-contact-${x.id}`}>
                <td>{x.phone}</td>
                <td>{x.name ?? ''}</td>
                <td>{cx(`contact_${x.status}`)}</td>
                <td>{x.attempts}</td>
                <td>{x.lastOutcome ? cx(`outcome_${x.lastOutcome}`) : ''}</td>
                <td>{disposition(x.disposition)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={cursors.length < 2}
          onClick={() => setCursors((cs) => cs.slice(0, -1))}
        >
          {c('previousPage')}
        </button>
        <button
          type="button"
          disabled={!page?.cursor}
          onClick={() => page?.cursor && setCursors((cs) => [...cs, page.cursor])}
          data-testid="campaign-contacts-next"
        >
          {c('nextPage')}
        </button>
      </div>
    </section>
  );
}
