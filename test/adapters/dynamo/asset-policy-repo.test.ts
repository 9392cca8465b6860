// Vehicles, devices and policies, and finding their owner by VIN, plate and policy number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../../support/dynamo.js';
import { newCustomer } from './fixtures.js';

let ts: TestStore;
let ownerId: string;
beforeAll(async () => {
  ts = await createTestStore();
  const owner = await ts.store.customers.create(newCustomer({ name: 'Vehicle Owner' }));
  if (!owner.ok) throw new Error('setup');
  ownerId = owner.value.id;
});
afterAll(() => ts.stop());

const vehicle = (vin: string, plate?: string) => ({
  kind: 'vehicle' as const,
  customerId: ownerId,
  vin,
  make: 'Buick',
  model: 'GL8',
  year: 2021,
  ...(plate ? { plate } : {}),
});

describe('asset repository', () => {
  it('normalises VIN and plate and finds the owner by either', async () => {
    const created = await ts.store.assets.create(vehicle('lsgbc5e40kg123456', '沪A·12345'));
    expect(created.ok).toBe(true);
    if (!created.ok || created.value.kind !== 'vehicle') return;
    expect(created.value.vin).toBe('LSGBC5E40KG123456');
    expect(created.value.plate).toBe('沪A12345');
    expect((await ts.store.assets.byPlate('沪a 12345'))?.id).toBe(created.value.id);
    expect((await ts.store.customers.find({ by: 'vin', value: 'LSGBC5E40KG123456' }))[0]?.id).toBe(ownerId);
    expect((await ts.store.customers.find({ by: 'plate', value: '沪A12345' }))[0]?.id).toBe(ownerId);
  });

  it('refuses a second vehicle with the same VIN or plate and leaves no half-claimed key', async () => {
    const dupVin = await ts.store.assets.create(vehicle('LSGBC5E40KG123456', '沪B99999'));
    expect(dupVin).toEqual({ ok: false, reason: 'duplicate', field: 'vin', value: 'LSGBC5E40KG123456' });
    const dupPlate = await ts.store.assets.create(vehicle('LSGBC5E40KG654321', '沪A12345'));
    expect(dupPlate).toEqual({ ok: false, reason: 'duplicate', field: 'plate', value: '沪A12345' });
    // The VIN claimed before the plate clash was released, so it can be used.
    expect((await ts.store.assets.create(vehicle('LSGBC5E40KG654321'))).ok).toBe(true);
    expect(await ts.store.assets.byPlate('沪B99999')).toBeUndefined();
  });

  it('lists a customer’s vehicles and devices', async () => {
    await ts.store.assets.create({
      kind: 'device',
      customerId: ownerId,
      product: 'Router X1',
      serial: 'SN-1',
    });
    const assets = await ts.store.assets.byCustomer(ownerId);
    expect(assets.map((a) => a.kind).sort()).toEqual(['device', 'vehicle', 'vehicle']);
  });
});

describe('policy repository', () => {
  it('creates, finds by number (normalised), lists by customer, finds the holder', async () => {
    const p = await ts.store.policies.create({
      number: 'ew-2025-0001',
      customerId: ownerId,
      status: 'valid',
      product: 'Extended warranty 2y/40,000 km',
      startsOn: '2025-06-01',
      endsOn: '2027-05-31',
      dealer: { name: '上海二手车市场', phone: '+862162345678' },
    });
    expect(p.ok && p.value.number).toBe('EW-2025-0001');
    expect((await ts.store.policies.get('EW-2025-0001'))?.status).toBe('valid');
    expect((await ts.store.policies.byCustomer(ownerId)).map((x) => x.number)).toEqual(['EW-2025-0001']);
    expect((await ts.store.customers.find({ by: 'policy', value: 'ew-2025-0001' }))[0]?.id).toBe(ownerId);
    expect(await ts.store.customers.find({ by: 'policy', value: 'EW-0000' })).toEqual([]);
  });

  it('refuses a duplicate number and updates under version', async () => {
    const dup = await ts.store.policies.create({
      number: 'EW-2025-0001',
      customerId: ownerId,
      status: 'valid',
      product: 'x',
      startsOn: '2025-01-01',
      endsOn: '2026-01-01',
      dealer: { name: 'x' },
    });
    expect(dup).toMatchObject({ ok: false, reason: 'duplicate', field: 'number' });
    const cancelled = await ts.store.policies.update('EW-2025-0001', 1, { status: 'cancelled' });
    expect(cancelled.ok && cancelled.value.status).toBe('cancelled');
    expect(await ts.store.policies.update('EW-2025-0001', 1, { status: 'valid' })).toMatchObject({
      reason: 'conflict',
    });
  });
});
