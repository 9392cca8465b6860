// The demo data set is well-formed: valid phones, VINs and plates, every reference resolves, and it
// covers what the demo needs (staff mix, policy and ticket states, both languages).
import { describe, expect, it } from 'vitest';
import { isValidVin, normalisePlate } from '../../functions/domain/identifiers.js';
import { normalisePhone } from '../../functions/domain/phone.js';
import { DEMO_DATA } from '../../infra/local/demo-data.js';

const { users, customers, assets, policies, tickets, tasks } = DEMO_DATA;
const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;
const CJK = /[\u4e00-\u9fff]/;

describe('demo data', () => {
  it('has at least three agents with different skills and both languages, a supervisor and an admin', () => {
    const agents = users.filter((u) => u.roles.includes('agent'));
    expect(agents.length).toBeGreaterThanOrEqual(3);
    expect(new Set(agents.map((a) => a.skills.join())).size).toBe(agents.length);
    for (const skill of ['claims', 'complaints', 'policy', 'general', 'rescue', 'support']) {
      expect(agents.some((a) => a.skills.includes(skill))).toBe(true);
    }
    expect(agents.some((a) => a.languages.includes('zh'))).toBe(true);
    expect(agents.some((a) => a.languages.includes('en'))).toBe(true);
    expect(users.filter((u) => u.roles.includes('supervisor'))).toHaveLength(1);
    expect(users.filter((u) => u.roles.includes('admin'))).toHaveLength(1);
    expect(unique(users.map((u) => u.id))).toBe(true);
  });

  it('has 20 customers with Chinese and English names and valid E.164 phones', () => {
    expect(customers).toHaveLength(20);
    expect(unique(customers.map((c) => c.id))).toBe(true);
    expect(customers.some((c) => CJK.test(c.name))).toBe(true);
    expect(customers.some((c) => /^[A-Za-z ]+$/.test(c.name))).toBe(true);
    for (const phone of customers.flatMap((c) => c.phones)) {
      const parsed = normalisePhone(phone, 'CN');
      expect(parsed, phone).toMatchObject({ ok: true, e164: phone });
    }
    const countries = customers.flatMap((c) => c.phones.map((p) => normalisePhone(p, 'CN')));
    expect(new Set(countries.map((p) => (p.ok ? p.country : '')))).toEqual(new Set(['CN', 'US']));
    expect(new Set(customers.map((c) => c.vipTier))).toEqual(new Set(['none', 'silver', 'gold', 'platinum']));
    expect(unique(customers.flatMap((c) => (c.idCode ? [c.idCode] : [])))).toBe(true);
  });

  it('has valid, unique VINs and plates, and devices with serials', () => {
    const vehicles = assets.filter((a) => a.kind === 'vehicle');
    const devices = assets.filter((a) => a.kind === 'device');
    expect(vehicles.length).toBeGreaterThanOrEqual(10);
    expect(devices.length).toBeGreaterThanOrEqual(5);
    for (const v of vehicles) expect(isValidVin(v.vin), v.vin).toBe(true);
    expect(unique(vehicles.map((v) => v.vin))).toBe(true);
    const plates = vehicles.flatMap((v) => (v.plate ? [normalisePlate(v.plate)] : []));
    expect(unique(plates)).toBe(true);
    for (const plate of plates) expect(plate).toMatch(/^[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}$/);
    for (const d of devices) expect(d.serial.length).toBeGreaterThan(3);
  });

  it('has valid, expired and cancelled policies, each with a dealer', () => {
    expect(new Set(policies.map((p) => p.status))).toEqual(new Set(['valid', 'expired', 'cancelled']));
    expect(unique(policies.map((p) => p.number))).toBe(true);
    for (const p of policies) {
      expect(p.dealer.name.length).toBeGreaterThan(0);
      expect(p.startsOn < p.endsOn).toBe(true);
      if (p.dealer.phone) expect(normalisePhone(p.dealer.phone, 'CN').ok, p.dealer.phone).toBe(true);
    }
  });

  it('has tickets of every type in several states, unique per customer and subject', () => {
    expect(new Set(tickets.map((t) => t.type)).size).toBe(6);
    expect(new Set(tickets.map((t) => t.status)).size).toBeGreaterThanOrEqual(5);
    expect(unique(tickets.map((t) => `${t.customerId}|${t.subject}`))).toBe(true);
  });

  it('uses every optional reference, so the checks that follow each have something to check', () => {
    const count = <T>(items: readonly T[], has: (item: T) => unknown) => items.filter(has).length;
    const uses = {
      dealerPhones: count(policies, (p) => p.dealer.phone),
      customerOwners: count(customers, (c) => c.ownerAgentId),
      policyVehicles: count(policies, (p) => p.vehicleId),
      ticketAssets: count(tickets, (t) => t.assetId),
      ticketPolicies: count(tickets, (t) => t.policyNumber),
      ticketAssignees: count(tickets, (t) => t.assigneeId),
      taskAssignees: count(tasks, (t) => t.assigneeId),
    };
    expect(
      Object.entries(uses)
        .filter(([, n]) => n === 0)
        .map(([name]) => name),
    ).toEqual([]);
  });

  it('refers only to things that exist', () => {
    const userIds = new Set(users.map((u) => u.id));
    const customerIds = new Set(customers.map((c) => c.id));
    const assetOwner = new Map(assets.map((a) => [a.id, a.customerId]));
    const policyNumbers = new Set(policies.map((p) => p.number));
    for (const c of customers) if (c.ownerAgentId) expect(userIds.has(c.ownerAgentId), c.id).toBe(true);
    for (const a of assets) expect(customerIds.has(a.customerId), a.id).toBe(true);
    for (const p of policies) {
      expect(customerIds.has(p.customerId), p.number).toBe(true);
      if (p.vehicleId) expect(assetOwner.get(p.vehicleId), p.number).toBe(p.customerId);
    }
    for (const t of tickets) {
      expect(customerIds.has(t.customerId), t.subject).toBe(true);
      if (t.assetId) expect(assetOwner.get(t.assetId), t.subject).toBe(t.customerId);
      if (t.policyNumber) expect(policyNumbers.has(t.policyNumber), t.subject).toBe(true);
      if (t.assigneeId) expect(userIds.has(t.assigneeId), t.subject).toBe(true);
      expect(userIds.has(t.by) || t.by === 'ivr', t.subject).toBe(true);
    }
    for (const t of tasks) {
      expect(customerIds.has(t.customerId)).toBe(true);
      if (t.assigneeId) expect(userIds.has(t.assigneeId)).toBe(true);
    }
  });

  it('uses the demo hotline number', () => {
    expect(DEMO_DATA.hotline).toBe('+18005550100');
  });
});
