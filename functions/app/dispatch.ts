// Dispatch to outside providers: the directory (a setting admins replace, audited), the nearest provider
// open now that offers the service, and a rescue worked to its end: dispatched (the provider and the
// member are texted, the ETA recorded), arrived, the repair followed up (progress, cost) and, when done,
// resolved, which asks the member whether it is fixed (sla.ts) and closes on their word (work-orders.ts).
import { places } from '../../flows/places.js';
import {
  type Candidate,
  checkDirectory,
  etaMinutes,
  locate,
  type Place,
  type Provider,
  type ProviderService,
  rankProviders,
} from '../domain/dispatch/directory.js';
import type { Customer, Ticket, User } from '../domain/model.js';
import { UnprocessableError, ValidationError } from '../domain/problems.js';
import { changeTicket, existingTicket, type TicketDeps } from './tickets.js';

export const PROVIDERS_SETTING = 'providers';

interface ProvidersDocument {
  readonly providers: readonly Provider[];
}

export async function readProviders(deps: Pick<TicketDeps, 'store'>): Promise<readonly Provider[]> {
  return (await deps.store.settings.get<ProvidersDocument>(PROVIDERS_SETTING))?.providers ?? [];
}

/** Replaces the whole directory; every bad entry is named in one 400, and nothing changes. */
export async function replaceProviders(
  deps: Pick<TicketDeps, 'store'>,
  user: User,
  providers: readonly Provider[],
): Promise<readonly Provider[]> {
  const problems = checkDirectory({ places, providers });
  if (problems.length > 0)
    throw new ValidationError(problems.map((message) => ({ path: 'body.providers', message })));
  const before = await readProviders(deps);
  await deps.store.settings.put<ProvidersDocument>(PROVIDERS_SETTING, { providers });
  await deps.store.audit.append({
    actor: user.id,
    action: 'providers.replace',
    target: PROVIDERS_SETTING,
    detail: { before: before.length, after: providers.length },
  });
  return providers;
}

export interface NearestQuery {
  readonly service: ProviderService;
  /** What the caller said about where they are. */
  readonly near?: string;
  readonly region?: string;
}

export async function nearestProviders(
  deps: Pick<TicketDeps, 'store' | 'clock' | 'config'>,
  query: NearestQuery,
): Promise<{ place?: Place; candidates: Candidate[] }> {
  const place = query.near ? locate(query.near, places) : undefined;
  const region = query.region ?? place?.region;
  const candidates = rankProviders(await readProviders(deps), {
    service: query.service,
    ...(place ? { at: place } : {}),
    ...(region ? { region } : {}),
    nowMs: deps.clock.now(),
    timeZone: deps.config.timeZone,
  });
  return { ...(place ? { place } : {}), candidates };
}

async function text(deps: TicketDeps, to: string, body: string, key: string, customerId?: string) {
  if (!deps.jobs) return;
  await deps.jobs.send({
    kind: 'sms-send',
    to,
    body,
    purpose: 'dispatch',
    dedupeKey: key,
    ...(customerId ? { customerId } : {}),
  });
}

const memberName = (c: Customer | undefined) => c?.name ?? '';

export interface DispatchRequest {
  readonly service: ProviderService;
  /** Where the member is; absent, the ticket's location field or description. */
  readonly location?: string;
  /** A provider the agent chose from the list; absent, the nearest. */
  readonly providerId?: string;
}

/**
 * Sends the nearest open provider offering the service (or the one chosen) to the ticket's member:
 * records provider, distance and ETA on the ticket and texts the provider and the member.
 */
export async function dispatch(
  deps: TicketDeps,
  user: User,
  number: string,
  version: number,
  request: DispatchRequest,
): Promise<{ ticket: Ticket; provider: Provider; etaMinutes: number; distanceKm?: number }> {
  const current = await existingTicket(deps, number);
  const customer = current.customerId ? await deps.store.customers.get(current.customerId) : undefined;
  const where = request.location ?? current.fields.location ?? current.description ?? '';
  const { place, candidates } = await nearestProviders(deps, {
    service: request.service,
    near: where,
    ...(customer?.region ? { region: customer.region } : {}),
  });
  const chosen = request.providerId
    ? candidates.find((c) => c.provider.id === request.providerId)
    : candidates[0];
  if (!chosen)
    throw new UnprocessableError(
      'no-provider',
      request.providerId
        ? `Provider "${request.providerId}" does not offer ${request.service} or is closed now.`
        : `No provider offers ${request.service} and is open now${place ? ` near ${place.names[0]}` : ''}.`,
      { service: request.service },
    );
  const { provider } = chosen;
  const eta = etaMinutes(chosen.distanceKm);
  const nowIso = new Date(deps.clock.now()).toISOString();
  const ticket = await changeTicket(deps, user, number, version, {
    ...(current.status === 'new' ? { status: 'open' as const } : {}),
    fields: {
      location: where,
      service: request.service,
      provider: provider.id,
      providerName: provider.name.zh,
      providerPhone: provider.phone,
      dispatchedAt: nowIso,
      etaMinutes: String(eta),
      ...(chosen.distanceKm !== undefined ? { distanceKm: String(chosen.distanceKm) } : {}),
    },
    note: `Dispatched ${provider.name.en} (${provider.phone}) for ${request.service}: ETA ${eta} min${
      chosen.distanceKm !== undefined ? `, ${chosen.distanceKm} km` : ''
    }`,
  });
  const phone = customer?.phones[0];
  await text(
    deps,
    provider.phone,
    `【派单 Dispatch】${number} ${request.service}: ${memberName(customer)} ${phone ?? ''} @ ${where}`.trim(),
    `dispatch:${number}:${provider.id}:provider`,
  );
  if (phone)
    await text(
      deps,
      phone,
      customer?.language === 'en'
        ? `${provider.name.en} is on the way for ${number}, about ${eta} minutes. Their number: ${provider.phone}.`
        : `${provider.name.zh}已接单（${number}），预计${eta}分钟到达，联系电话 ${provider.phone}。`,
      `dispatch:${number}:${provider.id}:member`,
      customer?.id,
    );
  return {
    ticket,
    provider,
    etaMinutes: eta,
    ...(chosen.distanceKm !== undefined ? { distanceKm: chosen.distanceKm } : {}),
  };
}

function needDispatched(ticket: Ticket): void {
  if (!ticket.fields.provider)
    throw new UnprocessableError(
      'not-dispatched',
      `Ticket ${ticket.number} has no provider dispatched yet.`,
      {},
    );
}

/** The provider reached the member. */
export async function recordArrival(deps: TicketDeps, user: User, number: string, version: number) {
  const current = await existingTicket(deps, number);
  needDispatched(current);
  const at = new Date(deps.clock.now()).toISOString();
  return changeTicket(deps, user, number, version, { fields: { arrivedAt: at }, note: 'Provider arrived' });
}

export interface RepairUpdate {
  readonly progress: string;
  /** In yuan, as the shop quoted or charged it. */
  readonly cost?: number;
  /** The repair is finished: the ticket is resolved and the member asked whether it is fixed. */
  readonly done: boolean;
}

/** The repair's follow-up: progress and cost on the ticket; done resolves it. */
export async function recordRepair(
  deps: TicketDeps,
  user: User,
  number: string,
  version: number,
  update: RepairUpdate,
): Promise<Ticket> {
  const current = await existingTicket(deps, number);
  needDispatched(current);
  return changeTicket(deps, user, number, version, {
    fields: {
      repairProgress: update.progress,
      ...(update.cost !== undefined ? { repairCost: update.cost.toFixed(2) } : {}),
      ...(update.done ? { repairedAt: new Date(deps.clock.now()).toISOString() } : {}),
    },
    ...(update.done ? { status: 'resolved' as const } : {}),
    note: `Repair: ${update.progress}${update.cost !== undefined ? ` (¥${update.cost.toFixed(2)})` : ''}`,
  });
}
