// What npm start prints names pages the web app really routes, and every demo login.
import { describe, expect, it } from 'vitest';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { formatBanner, SERVICE_PATHS, WEB_PAGES } from '../../infra/local/banner.js';
import { DEMO_DATA } from '../../infra/local/demo-data.js';
import { matchRoute } from '../../web/src/router.js';

describe('start banner', () => {
  const banner = formatBanner({ url: 'http://127.0.0.1:3000', startedInMs: 1234, dataDir: '.data' });

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

  it('prints only pages the web app routes', () => {
    for (const [, path] of WEB_PAGES) expect(matchRoute(path).page).not.toBe('not-found');
    expect(matchRoute('/nowhere').page).toBe('not-found');
  });
});
