// Where a contact is in time: the zone the list gives, else every zone of the country the number belongs
// to. A number says its country, not its city, so a country that spans zones gives them all and the
// calling window must hold in each: no one is called before or after hours on a guess.
import ct from 'countries-and-timezones';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// Intl takes offsets (+08:00) and odd spellings as zones on some Node versions; a list names a place.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The canonical IANA name of a zone ("asia/shanghai" → Asia/Shanghai), or undefined if it is none. */
export function ianaZone(text: string): string | undefined {
  const name = text.trim();
  if (!ZONE_NAME.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * Countries whose law keeps one time though the zone data lists more: China's single official time is
 * Beijing's (Xinjiang's Asia/Urumqi is a local custom), and a call rule in local time means that time.
 */
const ONE_OFFICIAL_TIME: Readonly<Record<string, readonly string[]>> = { CN: ['Asia/Shanghai'] };

/** The zones of a country (ISO 3166 alpha-2), empty when the data has none. */
export function countryZones(country: string): readonly string[] {
  const code = country.toUpperCase();
  return ONE_OFFICIAL_TIME[code] ?? ct.getCountry(code)?.timezones ?? [];
}

export interface ContactPlace {
  /** E.164. */
  readonly phone: string;
  /** IANA zone from the list, when it gave one. */
  readonly timezone?: string;
}

/**
 * The zones a call to this contact must respect: its own zone when valid, else all of its number's
 * country's zones; empty when neither is known, which no window admits.
 */
export function contactZones(contact: ContactPlace): readonly string[] {
  const own = contact.timezone === undefined ? undefined : ianaZone(contact.timezone);
  if (own) return [own];
  const country = parsePhoneNumberFromString(contact.phone)?.country;
  return country ? countryZones(country) : [];
}
