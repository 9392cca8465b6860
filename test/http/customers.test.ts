// Customers through the API: E.164 normalisation, search by phone in any format, the screen-pop view,
// optimistic locking, assets and policies, duplicates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

describe('customers API', () => {
  let h: Harness;
  let id = '';
  beforeAll(async () => {
    h = await createHarness();
    const res = await h.as('agent', 'POST', '/api/customers', {
      name: '张伟',
      phones: ['138 0013 8000', '+86 10 6552 9988'],
      idCode: 'ZW-0001',
      vipTier: 'gold',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.id;
  });
  afterAll(() => h.stop());

  it('stores phones in E.164 and defaults the language to Chinese', async () => {
    const stored = await h.store.customers.get(id);
    expect(stored?.phones).toEqual(['+8613800138000', '+861065529988']);
    expect(stored?.language).toBe('zh');
  });

  it('finds the customer by a phone typed in national format and by id code', async () => {
    const byPhone = await h.as('agent', 'GET', `/api/customers?q=${encodeURIComponent('13800138000')}`);
    expect(byPhone.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    const byCode = await h.as('agent', 'GET', '/api/customers?q=ZW-0001');
    expect(byCode.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('adds a vehicle and a policy on it, and shows everything in the screen-pop view', async () => {
    const vehicle = await h.as('agent', 'POST', `/api/customers/${id}/assets`, {
      kind: 'vehicle',
      vin: 'lsvnv2182e2100001',
      plate: '京A·12345',
      make: 'Volkswagen',
      model: 'Passat',
      year: 2019,
    });
    expect(vehicle.status, JSON.stringify(vehicle.body)).toBe(201);
    expect(vehicle.body).toMatchObject({ vin: 'LSVNV2182E2100001', plate: '京A12345' });
    const policy = await h.as('agent', 'POST', `/api/customers/${id}/policies`, {
      number: 'EW-2026-0001',
      vehicleId: vehicle.body.id,
      product: 'Powertrain 2 years',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      dealer: { name: '北京二手车市场', phone: '+861065529900' },
    });
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    await h.as('agent', 'POST', '/api/tickets', { type: 'claim', subject: 'Gearbox', customerId: id });
    const view = await h.as('agent', 'GET', `/api/customers/${id}`);
    expect(view.status).toBe(200);
    expect(view.body.customer.id).toBe(id);
    expect(view.body.assets).toHaveLength(1);
    expect(view.body.policies.map((p: { number: string }) => p.number)).toEqual(['EW-2026-0001']);
    expect(view.body.tickets).toHaveLength(1);
    expect(view.body).toHaveProperty('calls');
    expect(view.body).toHaveProperty('tasks');
  });

  it('refuses a policy on a vehicle of another customer', async () => {
    const other = await h.as('agent', 'POST', '/api/customers', { name: 'Other', phones: ['13900000000'] });
    const res = await h.as('agent', 'POST', `/api/customers/${other.body.id}/policies`, {
      number: 'EW-2026-0002',
      vehicleId: (await h.store.assets.byCustomer(id))[0]?.id,
      product: 'P',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      dealer: { name: 'D' },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('body.vehicleId');
  });

  it('updates with the current version and answers a stale one with 409 and the current record', async () => {
    const current = await h.store.customers.get(id);
    const ok = await h.as('agent', 'PATCH', `/api/customers/${id}`, {
      version: current?.version,
      notes: 'Prefers mornings',
    });
    expect(ok.status).toBe(200);
    const stale = await h.as('supervisor', 'PATCH', `/api/customers/${id}`, {
      version: current?.version,
      notes: 'x',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.notes).toBe('Prefers mornings');
  });

  it('answers 409 naming the field for a duplicate unique key, and 404 for an unknown customer', async () => {
    const dup = await h.as('agent', 'POST', '/api/customers', {
      name: 'Copy',
      phones: ['13700000000'],
      idCode: 'ZW-0001',
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: 'duplicate', field: 'idCode' });
    expect((await h.as('agent', 'GET', '/api/customers/no-such-id')).status).toBe(404);
    const asset = await h.as('agent', 'POST', '/api/customers/no-such-id/assets', {
      kind: 'device',
      product: 'P',
      serial: 'S',
    });
    expect(asset.status).toBe(404);
  });

  it('refuses a phone another customer has unless it is said to be shared, on create and on change', async () => {
    // Typed another way, the same number: the second customer would make the first unknown to the IVR.
    const taken = await h.as('agent', 'POST', '/api/customers', { name: 'Dup', phones: ['13800138000'] });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      error: 'phone-in-use',
      phone: '+8613800138000',
      customerIds: [id],
    });
    expect(taken.body.message).toContain('sharedPhone');
    const other = await h.as('agent', 'POST', '/api/customers', { name: 'Li', phones: ['13900000001'] });
    expect(other.status).toBe(201);
    const moved = await h.as('agent', 'PATCH', `/api/customers/${other.body.id}`, {
      version: other.body.version,
      phones: ['13900000001', '+86 138 0013 8000'],
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error).toBe('phone-in-use');
    // A customer keeps their own numbers through a change.
    const own = await h.as('agent', 'PATCH', `/api/customers/${other.body.id}`, {
      version: other.body.version,
      phones: ['13900000001'],
      notes: 'mobile only',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const family = await h.as('agent', 'POST', '/api/customers', {
      name: 'Zhang Jr',
      phones: ['13800138000'],
      sharedPhone: true,
    });
    expect(family.status).toBe(201);
    expect(family.body).not.toHaveProperty('sharedPhone');
    const both = await h.store.customers.find({ by: 'phone', value: '+8613800138000' });
    expect(both.map((c) => c.id).sort()).toEqual([id, family.body.id].sort());
    // Either of them changes their record with the shared number in it, without saying so again.
    const renamed = await h.as('agent', 'PATCH', `/api/customers/${family.body.id}`, {
      version: family.body.version,
      name: 'Zhang Junior',
      phones: ['13800138000', '13900000077'],
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
  });
});
