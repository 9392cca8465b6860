// Role-matrix rows for outbound campaigns, and what they act on: a fresh campaign for each row that moves
// one on (with a contact to call, and in the status the step starts from), so every role the step admits
// gets its success status.
import type { CampaignStatus } from '../../functions/domain/campaigns/campaign.js';
import { DEFAULT_DISPOSITIONS } from '../../functions/domain/campaigns/campaign.js';
import type { Store } from '../../functions/domain/ports.js';
import type { MatrixRole, MatrixRow } from './agent-role-rows.js';

const LEADS: readonly MatrixRole[] = ['supervisor', 'admin'];

const SETTINGS = {
  name: 'Matrix campaign',
  mode: 'progressive',
  callerId: '+18005550100',
  queue: 'policy',
  priority: 0,
  language: 'zh',
  dispositions: DEFAULT_DISPOSITIONS,
  window: { start: '09:00', end: '20:00' },
  retry: { maxAttempts: 3, busy: 10, 'no-answer': 60, machine: 240, failed: 30 },
  machine: 'retry',
  abandonCap: 0.03,
  maxHoldSeconds: 5,
} as const;

/** A campaign in `status` with one contact to call. */
async function freshCampaign(store: Store, id: string, status: CampaignStatus): Promise<string> {
  const made = await store.campaigns.create(id, SETTINGS, 'sup1');
  await store.campaigns.addContacts(
    id,
    [{ campaignId: id, id: '000001', phone: '+8613800138001', vars: {} }],
    '2026-03-01T00:00:00.000Z',
  );
  await store.campaigns.count(id, { contacts: 1, pending: 1 });
  if (status !== 'draft') {
    const moved = await store.campaigns.update(id, made.version, { status });
    if (!moved.ok) throw new Error(`seed campaign ${status}`);
  }
  return id;
}

export function campaignRows(store: () => Store, unique: () => string): MatrixRow[] {
  let target = '';
  const fresh = (status: CampaignStatus) => async () => {
    target = await freshCampaign(store(), `matrix-${unique()}`, status);
    return undefined;
  };
  const base = () => `/api/campaigns/${target}`;
  const draft = fresh('draft');
  return [
    { op: 'campaigns.list', method: 'GET', path: () => '/api/campaigns', roles: LEADS, ok: 200 },
    {
      op: 'campaigns.create',
      method: 'POST',
      path: () => '/api/campaigns',
      body: () => ({ ...SETTINGS, name: `Matrix ${unique()}` }),
      roles: LEADS,
      ok: 201,
    },
    { op: 'campaigns.get', method: 'GET', path: base, body: draft, roles: LEADS, ok: 200 },
    {
      op: 'campaigns.update',
      method: 'PATCH',
      path: base,
      body: async () => {
        await draft();
        return { version: (await store().campaigns.get(target))?.version, priority: 5 };
      },
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'campaigns.start',
      method: 'POST',
      path: () => `${base()}/start`,
      body: draft,
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'campaigns.pause',
      method: 'POST',
      path: () => `${base()}/pause`,
      body: fresh('running'),
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'campaigns.resume',
      method: 'POST',
      path: () => `${base()}/resume`,
      body: fresh('paused'),
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'campaigns.stop',
      method: 'POST',
      path: () => `${base()}/stop`,
      body: draft,
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'campaigns.previewContacts',
      method: 'POST',
      path: () => `${base()}/contacts/preview`,
      body: async () => {
        await draft();
        return { csv: 'phone\n13800138002' };
      },
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'campaigns.importContacts',
      method: 'POST',
      path: () => `${base()}/contacts`,
      body: async () => {
        await draft();
        return { csv: 'phone\n13800138002' };
      },
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'campaigns.contacts',
      method: 'GET',
      path: () => `${base()}/contacts?limit=10`,
      body: draft,
      roles: LEADS,
      ok: 200,
    },
    {
      op: 'campaigns.exportContacts',
      method: 'GET',
      path: () => `${base()}/contacts.csv`,
      body: draft,
      roles: LEADS,
      ok: 200,
    },
  ];
}
