// How a campaign is going: its contacts (done, pending), attempts, the contact and abandon rates,
// conversions and the dispositions recorded, with the buttons that start, pause, resume or stop it.
import { useState } from 'react';
import { useErrorText } from '../errors.js';
import { SaveStatus } from '../save-status.js';
import {
  actionsFor,
  type Campaign,
  type CampaignAction,
  campaignRates,
  campaignsApi,
} from './campaigns-api.js';
import { useCampaignText } from './use-campaign-text.js';

const percent = (value: number | undefined) => (value === undefined ? '–' : `${(value * 100).toFixed(1)}%`);

export function CampaignProgress({
  campaign,
  onChanged,
}: {
  campaign: Campaign;
  onChanged: (c: Campaign) => void;
}) {
  const { c, cx, lang } = useCampaignText();
  const { errorText } = useErrorText();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const { counts } = campaign;
  const rates = campaignRates(counts);
  const label = (code: string) => campaign.dispositions.find((d) => d.code === code)?.label[lang] ?? code;

  const act = async (action: CampaignAction) => {
    if (action === 'stop' && !window.confirm(c('stopConfirm'))) return;
    try {
      const next = await campaignsApi.act(campaign.id, action);
      setStatus({ ok: true, text: c('statusChanged', { status: cx(`status_${next.status}`) }) });
      onChanged(next);
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    }
  };

  const figures: [string, string | number][] = [
    ['contacts', counts.contacts],
    ['done', counts.done],
    ['pending', counts.pending],
    ['attempts', counts.attempts],
    ['attemptsPerContact', counts.contacts ? (counts.attempts / counts.contacts).toFixed(2) : '–'],
    ['contactRate', percent(rates.contactRate)],
    ['abandonRate', percent(rates.abandonRate)],
    ['conversions', counts.conversions],
  ];
  return (
    <section className="card" data-testid="campaign-progress">
      <div className="card-head">
        <h2>{campaign.name}</h2>
        <span className="tag" data-testid="campaign-status">
          {cx(`status_${campaign.status}`)}
        </span>
      </div>
      <dl className="campaign-figures">
        {figures.map(([key, value]) => (
          <div key={key} data-testid={`campaign-figure-${key}`}>
            <dt>{cx(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {Object.keys(campaign.dispositionCounts).length > 0 && (
        <p className="small" data-testid="campaign-by-disposition">
          {c('byDisposition')}:{' '}
          {Object.entries(campaign.dispositionCounts)
            .map(([code, n]) => `${label(code)} ${n}`)
            .join(lang === 'zh' ? '，' : ', ')}
        </p>
      )}
      <div className="actions">
        {actionsFor(campaign.status).map((action) => (
          <button
            key={action}
            type="button"
            onClick={() => void act(action)}
            data-testid={`campaign-${action}`}
          >
            {c(action)}
          </button>
        ))}
      </div>
      <SaveStatus status={status} testId="campaign-action-status" />
    </section>
  );
}
