// The outbound dialling policy's data: the built-in block list of high-cost destinations and the
// defaults a center starts with before an admin stores its own policy. Kept apart from the rules so the
// list can be reviewed and extended without reading code.
import type { DialPolicy } from './dial-policy.js';

/**
 * Prefixes (E.164, no spaces) of destinations that toll fraud aims at. Where they come from:
 * - +1900 and +1976: the North American premium-rate service codes (pay-per-call, FCC rules).
 * - +1 area codes of Caribbean countries inside the North American plan (+1268 Antigua, +1284 British
 *   Virgin Islands, +1473 Grenada, +1649 Turks and Caicos, +1664 Montserrat, +1758 Saint Lucia, +1767
 *   Dominica, +1784 Saint Vincent, +1809/+1829/+1849 Dominican Republic, +1868 Trinidad, +1869 Saint
 *   Kitts, +1876 Jamaica): they look domestic to a US caller but bill internationally, and are the ones
 *   named in the FCC's and carriers' "one ring" and callback-scam warnings.
 * - Country codes that carriers' international revenue share fraud (IRSF) lists and the CFCA fraud loss
 *   surveys name again and again: small or remote networks with high termination rates (+53 Cuba,
 *   +220 Gambia, +224 Guinea, +231 Liberia, +232 Sierra Leone, +235 Chad, +239 Sao Tome, +245 Guinea-
 *   Bissau, +246 Diego Garcia, +247 Ascension, +252 Somalia, +290 Saint Helena, +500 Falklands, +674
 *   Nauru, +675 Papua New Guinea, +677 Solomon Islands, +682 Cook Islands, +683 Niue, +686 Kiribati,
 *   +688 Tuvalu, +690 Tokelau, +691 Micronesia, +692 Marshall Islands).
 * Satellite and international-network numbers (+870, +881, +882, +883, ...) have no country and are
 * refused by rule, like premium-rate and shared-cost numbers, whatever this list says.
 */
export const BUILT_IN_BLOCKED_PREFIXES = [
  '+1900',
  '+1976',
  '+1268',
  '+1284',
  '+1473',
  '+1649',
  '+1664',
  '+1758',
  '+1767',
  '+1784',
  '+1809',
  '+1829',
  '+1849',
  '+1868',
  '+1869',
  '+1876',
  '+53',
  '+220',
  '+224',
  '+231',
  '+232',
  '+235',
  '+239',
  '+245',
  '+246',
  '+247',
  '+252',
  '+290',
  '+500',
  '+674',
  '+675',
  '+677',
  '+682',
  '+683',
  '+686',
  '+688',
  '+690',
  '+691',
  '+692',
] as const;

/**
 * The center's own countries: its hotlines are US numbers and its customers are in China and the US.
 * Every role starts with the same list; an admin widens one role (or one campaign) by storing a policy.
 */
const OWN_COUNTRIES = ['CN', 'US'] as const;

export const DEFAULT_DIAL_POLICY: DialPolicy = {
  allowed: {
    agent: { countries: OWN_COUNTRIES, prefixes: [] },
    supervisor: { countries: OWN_COUNTRIES, prefixes: [] },
    admin: { countries: OWN_COUNTRIES, prefixes: [] },
  },
  campaigns: {},
  blockedPrefixes: BUILT_IN_BLOCKED_PREFIXES,
  callerIds: [],
  limits: {
    windowMinutes: 15,
    // An agent on click-to-dial places a call every minute or two; forty in a quarter hour is a script.
    agent: { calls: 40, sms: 30 },
    center: { calls: 600, sms: 300 },
  },
};
