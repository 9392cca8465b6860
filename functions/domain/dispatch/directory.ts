// The directory of outside providers the center sends work to: tow trucks and rescue teams, repair shops,
// IT referral partners. Each has its services, region, where it is (coordinates, for "nearest") and
// opening hours in the center's time zone. Finding the caller: place names the caller said (or the agent
// typed) looked up in a gazetteer; failing that, the customer's region. Pure; the data is flows/providers.ts.

export const PROVIDER_SERVICES = [
  'tow',
  'battery',
  'tyre',
  'fuel',
  'lockout',
  'accident',
  'repair',
  'bodywork',
  'it-onsite',
  'it-hardware',
] as const;
export type ProviderService = (typeof PROVIDER_SERVICES)[number];

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

export interface Place extends GeoPoint {
  /** The names people say for it, in any language (浦东, Pudong). */
  readonly names: readonly string[];
  readonly region: string;
}

export interface Provider extends GeoPoint {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly services: readonly ProviderService[];
  readonly region: string;
  /** E.164; the dispatch is texted here. */
  readonly phone: string;
  /** Opening hours ['HH:mm', 'HH:mm'] in the center's time zone; ['00:00', '24:00'] all day. */
  readonly hours: readonly [string, string];
  readonly address: { readonly zh: string; readonly en: string };
}

export interface Directory {
  readonly places: readonly Place[];
  readonly providers: readonly Provider[];
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The most specific place named in `text` (the longest name found), case-insensitive. */
export function locate(text: string, places: readonly Place[]): Place | undefined {
  const lower = text.toLowerCase();
  let best: { place: Place; length: number } | undefined;
  for (const place of places)
    for (const name of place.names)
      if (lower.includes(name.toLowerCase()) && (!best || name.length > best.length))
        best = { place, length: name.length };
  return best?.place;
}

function minutes(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Whether the provider is open at `nowMs` in `timeZone` (hours past midnight, e.g. 20:00-08:00, wrap). */
export function isOpen(provider: Provider, nowMs: number, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(nowMs);
  const at =
    Number(parts.find((p) => p.type === 'hour')?.value) * 60 +
    Number(parts.find((p) => p.type === 'minute')?.value);
  const [from, to] = [minutes(provider.hours[0]), minutes(provider.hours[1])];
  return from <= to ? at >= from && at < to : at >= from || at < to;
}

export interface Candidate {
  readonly provider: Provider;
  /** Absent when the caller's place is unknown (ranked by region only). */
  readonly distanceKm?: number;
}

export interface PickRequest {
  readonly service: ProviderService;
  /** Where the caller is, when a place was found. */
  readonly at?: GeoPoint;
  /** The caller's region, used when no place is known and to break ties. */
  readonly region?: string;
  readonly nowMs: number;
  readonly timeZone: string;
}

/**
 * Providers offering the service and open now, nearest first; without a known place, those of the
 * caller's region first, then the rest. Empty when none offers it now.
 */
export function rankProviders(providers: readonly Provider[], request: PickRequest): Candidate[] {
  const open = providers.filter(
    (p) => p.services.includes(request.service) && isOpen(p, request.nowMs, request.timeZone),
  );
  const at = request.at;
  if (at)
    return open
      .map((provider) => ({ provider, distanceKm: Math.round(distanceKm(at, provider) * 10) / 10 }))
      .sort((a, b) => a.distanceKm - b.distanceKm);
  return open
    .map((provider) => ({ provider }))
    .sort(
      (a, b) => Number(b.provider.region === request.region) - Number(a.provider.region === request.region),
    );
}

/** Minutes until a provider reaches the caller: 15 to set off, then 30 km/h through traffic. */
export function etaMinutes(km: number | undefined): number {
  return km === undefined ? 60 : Math.max(15, Math.round(15 + (km / 30) * 60));
}

/** Every problem in the directory, naming the entry; empty when valid. */
export function checkDirectory(directory: Directory): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const hhmm = /^([01]\d|2[0-4]):[0-5]\d$/;
  for (const p of directory.providers) {
    const at = `provider "${p.id}"`;
    if (ids.has(p.id)) problems.push(`${at}: the id is used twice`);
    ids.add(p.id);
    if (!/^\+[1-9]\d{6,14}$/.test(p.phone)) problems.push(`${at}: phone "${p.phone}" is not E.164 (+8621…)`);
    if (p.services.length === 0 || p.services.some((s) => !PROVIDER_SERVICES.includes(s)))
      problems.push(`${at}: services must be some of ${PROVIDER_SERVICES.join(', ')}`);
    if (!hhmm.test(p.hours[0]) || !hhmm.test(p.hours[1])) problems.push(`${at}: hours must be HH:mm`);
    if (Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) problems.push(`${at}: coordinates out of range`);
  }
  for (const place of directory.places)
    if (place.names.length === 0 || place.names.some((n) => !n.trim()))
      problems.push(`place in ${place.region}: needs names`);
  return problems;
}
