// Outbound campaigns (/campaigns), for supervisors and admins: the campaigns with their progress, a form for
// a new one, and the one opened: its figures and controls, its contact list's preview and import, and its
// contacts. Figures are read again every few seconds while the page is open (the dialler changes them).
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../api.js';
import { CampaignContacts } from '../campaigns/campaign-contacts.js';
import { CampaignForm } from '../campaigns/campaign-form.js';
import { CampaignList } from '../campaigns/campaign-list.js';
import { CampaignProgress } from '../campaigns/campaign-progress.js';
import { type Campaign, type CampaignChoices, campaignsApi } from '../campaigns/campaigns-api.js';
import { ContactListBox } from '../campaigns/contact-list-box.js';
import { useCampaignText } from '../campaigns/use-campaign-text.js';
import { useErrorText } from '../errors.js';
import '../admin/admin.css';
import '../campaigns/campaigns.css';

const REFRESH_MS = 5000;

export function CampaignsPage({ me }: { me: Me }) {
  const { c } = useCampaignText();
  if (!me.roles.includes('supervisor') && !me.roles.includes('admin'))
    return (
      <p className="notice" data-testid="campaigns-leads-only">
        {c('leadsOnly')}
      </p>
    );
  return <Campaigns />;
}

function Campaigns() {
  const { c } = useCampaignText();
  const { errorText } = useErrorText();
  const [items, setItems] = useState<readonly Campaign[]>([]);
  const [choices, setChoices] = useState<CampaignChoices>();
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      const list = await campaignsApi.list();
      setItems(list.items);
      setChoices(list.choices);
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

  const open = items.find((x) => x.id === selected);
  const replace = (next: Campaign) => setItems((xs) => xs.map((x) => (x.id === next.id ? next : x)));
  return (
    <div className="campaigns-page">
      <section className="card">
        <div className="card-head">
          <h1>{c('campaignsTitle')}</h1>
          <button type="button" onClick={() => setCreating((v) => !v)} data-testid="campaign-new">
            {creating ? c('close') : c('newCampaign')}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <CampaignList items={items} selected={selected} onOpen={setSelected} />
      </section>
      {creating && choices && (
        <CampaignForm
          choices={choices}
          onCreated={(made) => {
            setItems((xs) => [made, ...xs]);
            setSelected(made.id);
            setCreating(false);
          }}
        />
      )}
      {open && (
        <>
          <CampaignProgress campaign={open} onChanged={replace} />
          {(open.status === 'draft' || open.status === 'paused' || open.status === 'running') && (
            <ContactListBox campaignId={open.id} onImported={() => void load()} />
          )}
          <CampaignContacts campaign={open} />
        </>
      )}
    </div>
  );
}
