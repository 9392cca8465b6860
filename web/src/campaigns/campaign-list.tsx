// Every campaign with its status, mode and progress at a glance; a row opens the campaign.
import { type Campaign, campaignRates } from './campaigns-api.js';
import { useCampaignText } from './use-campaign-text.js';

const percent = (value: number | undefined) => (value === undefined ? '–' : `${(value * 100).toFixed(1)}%`);

export function CampaignList({
  items,
  selected,
  onOpen,
}: {
  items: readonly Campaign[];
  selected: string | undefined;
  onOpen: (id: string) => void;
}) {
  const { c, cx } = useCampaignText();
  if (items.length === 0) return <p className="muted">{c('noCampaigns')}</p>;
  return (
    <table className="settings-table campaign-list" data-testid="campaign-list">
      <thead>
        <tr>
          <th>{c('name')}</th>
          <th>{c('status')}</th>
          <th>{c('mode')}</th>
          <th>{c('contacts')}</th>
          <th>{c('done')}</th>
          <th>{c('pending')}</th>
          <th>{c('contactRate')}</th>
          <th>{c('abandonRate')}</th>
          <th>{c('conversions')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {items.map((x) => {
          const rates = campaignRates(x.counts);
          return (
            <tr key={x.id} aria-selected={x.id === selected} data-testid={`campaign-row-${x.id}`}>
              <td>{x.name}</td>
              <td>{cx(`status_${x.status}`)}</td>
              <td>{cx(`mode_${x.mode}`)}</td>
              <td>{x.counts.contacts}</td>
              <td>{x.counts.done}</td>
              <td>{x.counts.pending}</td>
              <td>{percent(rates.contactRate)}</td>
              <td>{percent(rates.abandonRate)}</td>
              <td>{x.counts.conversions}</td>
              <td>
                <button type="button" className="link" onClick={() => onOpen(x.id)}>
                  {c('open')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
