// Customers: finding one by name, any key (a phone typed as people type it too) or a ticket number,
// creating and changing one with their phones as E.164 keys, the screen-pop view of everything they own
// and every recent contact, and adding a vehicle, device or warranty policy to them.
import type { Asset, Customer, CustomerView, Policy } from '../domain/model.js';
import { normalisePhone } from '../domain/phone.js';
import type { NewAsset, NewCustomer, NewPolicy, Page, PageRequest } from '../domain/ports.js';
import { HttpProblem, invalidField, NotFoundError } from '../domain/problems.js';
import type { CenterBasics } from './center.js';
import { normalisePhones } from './phone-input.js';
import { unwrap } from './write-result.js';

/** Storage, and the region a number without a country code is read in. */
export interface CustomerDeps {
  readonly store: CenterBasics['store'];
  readonly config: Pick<CenterBasics['config'], 'defaultPhoneRegion'>;
}

/** A vehicle or device as a request describes it: the customer it belongs to comes from the path. */
export type AssetInput = NewAsset extends infer A
  ? A extends unknown
    ? Omit<A, 'customerId'>
    : never
  : never;

/** The screen pop shows recent contacts; older ones are a search away. */
const RECENT = { limit: 50 } as const;

export async function existingCustomer(deps: CustomerDeps, id: string): Promise<Customer> {
  const customer = await deps.store.customers.get(id);
  if (!customer) throw new NotFoundError('customer', id);
  return customer;
}

/** A phone number as people type it: digits with spaces, dots, dashes or brackets, maybe a leading +. */
const PHONE_LIKE = /^\+?[\d\s().-]{6,}$/;
const TICKET_NUMBER = /^[A-Z]{3}-\d{4}-\d{6}$/;

/**
 * Customers matching `q`: a ticket number finds its customer; any exact key (a phone in any format, id
 * code, policy number, VIN, plate); else any word or part of a name. Full-width input (from a Chinese
 * keyboard) is read as the half-width text it shows. Without `q`, every customer.
 */
export async function searchCustomers(
  deps: CustomerDeps,
  q: string | undefined,
  page: PageRequest,
): Promise<Page<Customer>> {
  const typed = q?.normalize('NFKC').trim();
  if (!typed) return deps.store.customers.list(page);
  if (!page.cursor && TICKET_NUMBER.test(typed.toUpperCase())) {
    const ticket = await deps.store.tickets.get(typed.toUpperCase());
    const owner = ticket?.customerId ? await deps.store.customers.get(ticket.customerId) : undefined;
    if (owner) return { items: [owner] };
  }
  // A phone typed in national format should still find the customer, so try its E.164 form too.
  const phone = PHONE_LIKE.test(typed) ? normalisePhone(typed, deps.config.defaultPhoneRegion) : undefined;
  return deps.store.customers.search(phone?.ok ? phone.e164 : typed, page);
}

/**
 * Refuses a phone another customer has, unless the request says it is shared: a number two customers
 * hold identifies neither, so the IVR would silently stop greeting, prioritising and routing the first
 * one's calls to their own agent.
 */
async function refuseTakenPhones(
  deps: CustomerDeps,
  phones: readonly string[],
  self: string | undefined,
  shared: boolean | undefined,
): Promise<void> {
  if (shared) return;
  for (const phone of phones) {
    const others = (await deps.store.customers.find({ by: 'phone', value: phone })).filter(
      (c) => c.id !== self,
    );
    const first = others[0];
    if (first)
      throw new HttpProblem(
        409,
        'phone-in-use',
        `${phone} already belongs to customer ${first.id} (${first.name}). Open that customer instead, or send "sharedPhone": true if the number is a shared line (the IVR then greets nobody by name on it).`,
        { phone, customerIds: others.map((c) => c.id) },
      );
  }
}

export async function createCustomer(
  deps: CustomerDeps,
  body: NewCustomer & { readonly sharedPhone?: boolean | undefined },
): Promise<Customer> {
  const { sharedPhone, ...fields } = body;
  const phones = normalisePhones(fields.phones, deps.config.defaultPhoneRegion, 'body.phones');
  await refuseTakenPhones(deps, phones, undefined, sharedPhone);
  return unwrap(await deps.store.customers.create({ ...fields, phones }), 'customer', fields.name);
}

export async function customerView(deps: CustomerDeps, id: string): Promise<CustomerView> {
  const { store } = deps;
  const customer = await existingCustomer(deps, id);
  const [assets, policies, tickets, calls, tasks] = await Promise.all([
    store.assets.byCustomer(id),
    store.policies.byCustomer(id),
    store.tickets.byCustomer(id, RECENT),
    store.calls.byCustomer(id, RECENT),
    store.tasks.byCustomer(id),
  ]);
  return { customer, assets, policies, tickets: tickets.items, calls: calls.items, tasks };
}

/** Applies `patch` only to the version the client saw; a stale one is a conflict with the current. */
export async function changeCustomer(
  deps: CustomerDeps,
  id: string,
  version: number,
  body: Partial<Omit<NewCustomer, 'id'>> & { readonly sharedPhone?: boolean | undefined },
): Promise<Customer> {
  const { sharedPhone, ...patch } = body;
  const phones = patch.phones
    ? { phones: normalisePhones(patch.phones, deps.config.defaultPhoneRegion, 'body.phones') }
    : {};
  // Only a number this customer does not have yet is checked: one already shared stays theirs.
  if (phones.phones) {
    const had = (await existingCustomer(deps, id)).phones;
    const added = phones.phones.filter((p) => !had.includes(p));
    await refuseTakenPhones(deps, added, id, sharedPhone);
  }
  const result = await deps.store.customers.update(id, version, { ...patch, ...phones });
  return unwrap(result, 'customer', id);
}

export async function addAsset(deps: CustomerDeps, customerId: string, body: AssetInput): Promise<Asset> {
  await existingCustomer(deps, customerId);
  return unwrap(await deps.store.assets.create({ ...body, customerId }), 'asset', customerId);
}

/** A policy may name a vehicle, and then only one of this customer's vehicles. */
export async function addPolicy(
  deps: CustomerDeps,
  customerId: string,
  body: Omit<NewPolicy, 'customerId'>,
): Promise<Policy> {
  const { store } = deps;
  await existingCustomer(deps, customerId);
  if (body.vehicleId) {
    const vehicle = await store.assets.get(body.vehicleId);
    if (vehicle?.customerId !== customerId || vehicle.kind !== 'vehicle') {
      throw invalidField(
        'body.vehicleId',
        'unknown-vehicle',
        `no vehicle "${body.vehicleId}" belongs to customer "${customerId}"`,
      );
    }
  }
  return unwrap(await store.policies.create({ ...body, customerId }), 'policy', body.number);
}
