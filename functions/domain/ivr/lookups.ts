// The data lookups a flow can make, on the storage port: the caller by number, a policy by number or
// the vehicle by VIN or plate, a customer by id code, and a claim's status after verifying the VIN.
// Each returns the session variables it learned, or undefined when nothing matched.
import type { Customer, Ticket } from '../model.js';
import type { Store } from '../ports.js';
import type { LookupKind } from './types.js';

export type LookupStore = Pick<Store, 'customers' | 'assets' | 'policies' | 'tickets'>;
type Vars = Record<string, string>;

export function customerVars(c: Customer): Vars {
  return {
    customerId: c.id,
    customerName: c.name,
    vip: c.vipTier,
    customerLanguage: c.language,
    ...(c.ownerAgentId ? { ownerAgent: c.ownerAgentId } : {}),
    ...(c.region ? { region: c.region } : {}),
  };
}

/** DTMF can only give digits: `2024000101` is read as policy EW-2024-000101, `2026000123` as claim CLM-2026-000123. */
export function numberFromDigits(prefix: string, raw: string): string {
  const compact = raw.toUpperCase().replace(/[\s._/-]+/g, '');
  if (/^\d{10}$/.test(compact)) return `${prefix}-${compact.slice(0, 4)}-${compact.slice(4)}`;
  const m = new RegExp(`^${prefix}(\\d{4})(\\d{6})$`).exec(compact);
  return m ? `${prefix}-${m[1]}-${m[2]}` : raw.trim().toUpperCase();
}

async function byPolicyOrVehicle(store: LookupStore, raw: string, prefix: string): Promise<Vars | undefined> {
  const policy = await store.policies.get(numberFromDigits(prefix, raw));
  const compact = raw.toUpperCase().replace(/[\s·._-]+/g, '');
  const asset = policy
    ? policy.vehicleId
      ? await store.assets.get(policy.vehicleId)
      : undefined
    : ((await store.assets.byVin(compact)) ?? (await store.assets.byPlate(compact)));
  const customerId = policy?.customerId ?? asset?.customerId;
  if (!customerId) return undefined;
  const customer = await store.customers.get(customerId);
  const policies = policy ? [policy] : await store.policies.byCustomer(customerId);
  const chosen = policy ?? policies.find((p) => p.vehicleId === asset?.id) ?? policies[0];
  return {
    ...(customer ? customerVars(customer) : { customerId }),
    ...(chosen ? { policyNumber: chosen.number, policyStatus: chosen.status } : {}),
    ...(asset ? { assetId: asset.id } : {}),
    ...(asset?.kind === 'vehicle' ? { vin: asset.vin } : {}),
  };
}

async function claimVin(store: LookupStore, ticket: Ticket): Promise<string | undefined> {
  const assetId =
    ticket.assetId ??
    (ticket.policyNumber ? (await store.policies.get(ticket.policyNumber))?.vehicleId : undefined);
  const asset = assetId ? await store.assets.get(assetId) : undefined;
  return asset?.kind === 'vehicle' ? asset.vin : undefined;
}

export async function lookup(
  store: LookupStore,
  kind: LookupKind,
  input: {
    readonly caller: string;
    readonly from?: string;
    readonly verify?: string;
    readonly prefix?: string;
  },
): Promise<Vars | undefined> {
  switch (kind) {
    case 'caller': {
      const matches = await store.customers.find({ by: 'phone', value: input.caller });
      // A shared family number identifies nobody.
      return matches.length === 1 && matches[0] ? customerVars(matches[0]) : undefined;
    }
    case 'policy-or-vehicle':
      return input.from ? byPolicyOrVehicle(store, input.from, input.prefix ?? 'EW') : undefined;
    case 'customer-id-code': {
      const code = input.from?.toUpperCase().replace(/\s+/g, '');
      if (!code) return undefined;
      const withDash =
        /^\d+$/.test(code) && input.prefix
          ? `${input.prefix}-${code}`
          : /^[A-Z]+\d+$/.test(code)
            ? code.replace(/^([A-Z]+)(\d+)$/, '$1-$2')
            : code;
      const found =
        (await store.customers.find({ by: 'idCode', value: withDash }))[0] ??
        (await store.customers.find({ by: 'idCode', value: code }))[0];
      return found ? customerVars(found) : undefined;
    }
    case 'claim-status': {
      if (!input.from || !input.verify) return undefined;
      const ticket = await store.tickets.get(numberFromDigits(input.prefix ?? 'CLM', input.from));
      if (ticket?.type !== 'claim') return undefined;
      const vin = await claimVin(store, ticket);
      const last4 = input.verify.toUpperCase().replace(/\s+/g, '');
      if (!vin || vin.slice(-4) !== last4) return undefined;
      return { ticketNumber: ticket.number, ticketStatus: ticket.status };
    }
  }
}
