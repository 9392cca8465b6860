// What npm start prints names pages the web app really routes, every demo login, and the clock it runs on.
import { describe, expect, it } from 'vitest';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { formatBanner, SERVICE_PATHS, WEB_PAGES } from '../../infra/local/banner.js';
import { DEMO_DATA } from '../../infra/local/demo-data.js';
import { matchRoute } from '../../web/src/router.js';

describe('start banner', () => {
  const MONDAY_9 = Date.parse('2026-12-07T09:00:00+08:00');
  const banner = formatBanner({
    url: 'http://127.0.0.1:3000',
    startedInMs: 1234,
    dataDir: '.data',
    clock: { mode: 'system', nowMs: MONDAY_9, timeZone: 'Asia/Shanghai' },
  });

  it('lists every page and service URL', () => {
    for (const [, path] of [...WEB_PAGES, ...SERVICE_PATHS])
      expect(banner).toContain(`http://127.0.0.1:3000${path}`);
    expect(banner).toContain('started in 1.2 s');
    expect(banner).toContain('data in .data, kept across restarts');
  });

  it('lists every demo login with its password', () => {
    for (const user of DEMO_DATA.users)
      expect(banner).toMatch(new RegExp(`^  ${user.id} +${user.password} `, 'm'));
  });

  it('lists every hotline the stack wires', () => {
    for (const hotline of HOTLINE_NUMBERS)
      expect(banner).toMatch(new RegExp(`^  \\${hotline.number} +\\S`, 'm'));
  });

  it('says which clock runs, the center’s time, and how to move it', () => {
    expect(banner).toContain('Clock: the system clock; center time Mon 7 Dec 2026 09:00 (Asia/Shanghai).');
    expect(banner).toContain('start with SIM_CLOCK=<ISO time>');
    const sim = (mode: 'running' | 'manual') =>
      formatBanner({
        url: 'http://127.0.0.1:3000',
        startedInMs: 1,
        clock: { mode, nowMs: Date.parse('2026-12-07T15:00:00Z'), timeZone: 'Asia/Shanghai' },
      });
    expect(sim('running')).toContain(
      'running at real speed; center time Mon 7 Dec 2026 23:00 (Asia/Shanghai)',
    );
    expect(sim('manual')).toContain('(SIM_CLOCK=manual), standing still until moved; center time Mon 7 Dec');
    expect(sim('running')).toContain('POST /sim/clock/advance');
  });

  it('prints only pages the web app routes', () => {
    for (const [, path] of WEB_PAGES) expect(matchRoute(path).page).not.toBe('not-found');
    expect(matchRoute('/nowhere').page).toBe('not-found');
  });
});
