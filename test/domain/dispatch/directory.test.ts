// The provider directory's rules, pure: where the caller is from what they said, who is nearest and open
// now, the ETA, and a bad directory refused entry by entry. The shipped places and the demo providers are
// valid data.
import { describe, expect, it } from 'vitest';
import { places } from '../../../flows/places.js';
import {
  checkDirectory,
  distanceKm,
  etaMinutes,
  type GeoPoint,
  isOpen,
  locate,
  type Provider,
  rankProviders,
} from '../../../functions/domain/dispatch/directory.js';
import { DEMO_PROVIDERS } from '../../../infra/local/demo/providers.js';

const TZ = 'Asia/Shanghai';
// 10:00 and 23:30 in Shanghai.
const DAY = Date.parse('2026-03-02T02:00:00Z');
const NIGHT = Date.parse('2026-03-02T15:30:00Z');

describe('the provider directory', () => {
  it('ships valid places and demo providers', () => {
    expect(checkDirectory({ places, providers: DEMO_PROVIDERS })).toEqual([]);
  });

  it('finds the most specific place the caller named, in Chinese or English', () => {
    expect(locate('我在浦东世纪大道，车子爆胎了', places)?.names[0]).toBe('世纪大道');
    expect(locate('Broke down near Century Avenue in Pudong', places)?.names[0]).toBe('世纪大道');
    expect(locate('在闵行这边', places)?.region).toBe('east-china');
    expect(locate('somewhere on the motorway', places)).toBeUndefined();
  });

  it('measures distances on the globe', () => {
    const [pudong, minhang] = ['浦东', '闵行'].map((n) => places.find((p) => p.names.includes(n)));
    expect(distanceKm(pudong as GeoPoint, minhang as GeoPoint)).toBeGreaterThan(15);
    expect(distanceKm(pudong as GeoPoint, minhang as GeoPoint)).toBeLessThan(25);
    const beijing = places.find((p) => p.names.includes('北京'));
    expect(distanceKm(pudong as GeoPoint, beijing as GeoPoint)).toBeGreaterThan(1000);
  });

  it('keeps opening hours in the center’s zone, overnight hours included', () => {
    const day = DEMO_PROVIDERS.find((p) => p.id === 'tyre-xuhui-day') as Provider;
    expect(isOpen(day, DAY, TZ)).toBe(true);
    expect(isOpen(day, NIGHT, TZ)).toBe(false);
    const overnight = { ...day, hours: ['20:00', '08:00'] as const };
    expect(isOpen(overnight, NIGHT, TZ)).toBe(true);
    expect(isOpen(overnight, DAY, TZ)).toBe(false);
  });

  it('ranks those offering the service and open now, nearest first; by region without a place', () => {
    const at = locate('世纪大道', places);
    const tows = rankProviders(DEMO_PROVIDERS, {
      service: 'tow',
      ...(at ? { at } : {}),
      nowMs: DAY,
      timeZone: TZ,
    });
    expect(tows.map((c) => c.provider.id)).toEqual(['tow-pudong', 'tow-minhang', 'tow-beijing']);
    expect(tows[0]?.distanceKm).toBeLessThan(3);
    // At night the day-only tyre shop in Xuhui drops out, though it is nearest to Xuhui.
    const xuhui = locate('徐汇', places);
    const tyres = (nowMs: number) =>
      rankProviders(DEMO_PROVIDERS, {
        service: 'tyre',
        ...(xuhui ? { at: xuhui } : {}),
        nowMs,
        timeZone: TZ,
      }).map((c) => c.provider.id);
    expect(tyres(DAY)[0]).toBe('tyre-xuhui-day');
    expect(tyres(NIGHT)).not.toContain('tyre-xuhui-day');
    const byRegion = rankProviders(DEMO_PROVIDERS, {
      service: 'tow',
      region: 'north-china',
      nowMs: DAY,
      timeZone: TZ,
    });
    expect(byRegion[0]?.provider.id).toBe('tow-beijing');
    expect(byRegion[0]?.distanceKm).toBeUndefined();
    expect(rankProviders(DEMO_PROVIDERS, { service: 'it-onsite', nowMs: NIGHT, timeZone: TZ })).toEqual([]);
  });

  it('estimates the arrival from the distance', () => {
    expect(etaMinutes(1)).toBe(17);
    expect(etaMinutes(20)).toBe(55);
    expect(etaMinutes(0)).toBe(15);
    expect(etaMinutes(undefined)).toBe(60);
  });

  it('names each bad provider and what is allowed', () => {
    const good = DEMO_PROVIDERS[0] as Provider;
    const problems = checkDirectory({
      places,
      providers: [
        good,
        good,
        { ...good, id: 'x', phone: '021-5555', services: [], hours: ['8am', '24:00'], lat: 120 },
      ],
    });
    expect(problems).toEqual([
      `provider "${good.id}": the id is used twice`,
      'provider "x": phone "021-5555" is not E.164 (+8621…)',
      expect.stringMatching(/^provider "x": services must be some of tow, battery/),
      'provider "x": hours must be HH:mm',
      'provider "x": coordinates out of range',
    ]);
  });
});
